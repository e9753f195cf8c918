namespace Fkj.Cdr.Aql.Syntax;

/// <summary><c>LIMIT n [OFFSET m]</c>: both non-negative integers.</summary>
public sealed record LimitClause(long Limit, long? Offset = null) : AqlNode;
