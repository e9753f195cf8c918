namespace Fkj.Cdr.Terminology.Ecl.Syntax;

/// <summary>
/// A dotted expression constraint: the values of the named attributes of the source, applied left to
/// right: <c>&lt; 19829001 . &lt; 47429007 . 363698007</c> has the source <c>&lt; 19829001</c> and the
/// attributes <c>&lt; 47429007</c> and <c>363698007</c>.
/// </summary>
public sealed record EclDottedExpression(EclSubExpression Source, EclList<EclSubExpression> Attributes) : EclExpression;
