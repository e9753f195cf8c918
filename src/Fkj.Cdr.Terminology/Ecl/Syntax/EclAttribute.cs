namespace Fkj.Cdr.Terminology.Ecl.Syntax;

/// <summary>
/// One attribute constraint: <c>[cardinality] [R] name comparison</c>, as in
/// <c>[1..*] R 127489000 |Has active ingredient| = &lt; 105590001</c>. The name is itself a
/// sub-expression (<c>&lt;&lt; 47429007</c>, <c>*</c>, ...); <see cref="Reverse"/> is the reverse flag <c>R</c>.
/// </summary>
public sealed record EclAttribute(EclCardinality? Cardinality, bool Reverse, EclSubExpression Name, EclComparison Comparison)
    : EclRefinement;
