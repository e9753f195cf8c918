namespace Fkj.Cdr.Aql.Syntax;

/// <summary>
/// A whole AQL query: <c>SELECT ... FROM ... [WHERE ...] [ORDER BY ...] [LIMIT n [OFFSET m]]</c>. The
/// legacy <c>TOP n</c> belongs to the SELECT clause, where it is written (<see cref="Top"/>).
/// </summary>
public sealed record AqlQuery(
    SelectClause Select,
    FromClause From,
    WhereClause? Where = null,
    OrderByClause? OrderBy = null,
    LimitClause? Limit = null) : AqlNode
{
    /// <summary>The legacy <c>SELECT TOP n</c>, if written.</summary>
    public TopClause? Top => Select.Top;
}
