namespace Fkj.Cdr.Aql.Syntax;

/// <summary><c>NOT condition</c>.</summary>
public sealed record NotCondition(AqlCondition Operand) : AqlCondition;
