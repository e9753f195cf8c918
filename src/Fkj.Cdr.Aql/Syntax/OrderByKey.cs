namespace Fkj.Cdr.Aql.Syntax;

/// <summary>
/// One ORDER BY key: any identified path (not only a selected one), or a bare name, which may be a
/// variable or a column alias. <see cref="Direction"/> is null when not written, which means ascending;
/// <c>ASCENDING</c> and <c>DESCENDING</c> are the same as <c>ASC</c> and <c>DESC</c>.
/// </summary>
public sealed record OrderByKey(IdentifiedPath Path, SortDirection? Direction = null) : AqlNode
{
    public bool Descending => Direction == SortDirection.Descending;
}

public enum SortDirection
{
    Ascending,
    Descending,
}
