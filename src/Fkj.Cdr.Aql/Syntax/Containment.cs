namespace Fkj.Cdr.Aql.Syntax;

/// <summary>
/// A class expression and what it contains: <c>EHR e</c>, <c>COMPOSITION c CONTAINS OBSERVATION o</c>,
/// <c>COMPOSITION c NOT CONTAINS (...)</c>. <see cref="Contained"/> is null when nothing follows, and
/// <see cref="Negated"/> marks <c>NOT CONTAINS</c>.
/// </summary>
/// <remarks>
/// As the grammar says, what follows CONTAINS extends as far as it can: <c>c CONTAINS o AND e</c> is
/// <c>c CONTAINS (o AND e)</c>; write <c>(c CONTAINS o) AND e</c> for the other reading.
/// </remarks>
public sealed record Containment(ClassExpression Class, ContainsExpression? Contained = null, bool Negated = false) : ContainsExpression;
