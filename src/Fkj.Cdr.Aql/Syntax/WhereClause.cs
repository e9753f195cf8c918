namespace Fkj.Cdr.Aql.Syntax;

/// <summary><c>WHERE</c> and its condition.</summary>
public sealed record WhereClause(AqlCondition Condition) : AqlNode;
