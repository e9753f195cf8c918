namespace Fkj.Cdr.Aql.Syntax;

/// <summary>Conditions joined by AND (two or more).</summary>
public sealed record AndCondition(AqlList<AqlCondition> Operands) : AqlCondition;
