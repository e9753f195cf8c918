namespace Fkj.Cdr.Aql.Syntax;

/// <summary>Containment expressions joined by AND (two or more); all must hold.</summary>
public sealed record ContainsAnd(AqlList<ContainsExpression> Operands) : ContainsExpression;
