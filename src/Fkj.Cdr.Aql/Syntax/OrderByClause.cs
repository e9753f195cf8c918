namespace Fkj.Cdr.Aql.Syntax;

/// <summary><c>ORDER BY key [ASC|DESC], ...</c>: the keys in significance order.</summary>
public sealed record OrderByClause(AqlList<OrderByKey> Keys) : AqlNode;
