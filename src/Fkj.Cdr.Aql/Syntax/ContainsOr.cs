namespace Fkj.Cdr.Aql.Syntax;

/// <summary>Containment expressions joined by OR (two or more); AND binds tighter.</summary>
public sealed record ContainsOr(AqlList<ContainsExpression> Operands) : ContainsExpression;
