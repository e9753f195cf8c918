namespace Fkj.Cdr.Aql.Syntax;

/// <summary>Conditions joined by OR (two or more).</summary>
public sealed record OrCondition(AqlList<AqlCondition> Operands) : AqlCondition;
