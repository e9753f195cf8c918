namespace Fkj.Cdr.Aql.Parsing;

/// <summary>
/// Why a query was refused, and where: <see cref="Line"/> and <see cref="Column"/> are 1-based,
/// <see cref="Offset"/> and <see cref="Length"/> (of the offending token, 0 at the end of the query) are
/// in UTF-16 code units. <see cref="Expected"/> lists what the grammar allowed at that point
/// (<c>CONTAINS</c>, <c>WHERE</c>, <c>')'</c>, <c>a path</c>, <c>end of query</c>, ...); it is empty for
/// errors that are not about the next token, such as an unknown variable or an unterminated string.
/// </summary>
public sealed record AqlError(string Message, int Line, int Column, int Offset, IReadOnlyList<string> Expected, int Length = 0)
{
    /// <summary><c>line 3, column 17: expected one of CONTAINS, WHERE, ORDER BY, LIMIT, end of query; found ')'</c></summary>
    public override string ToString() => $"line {Line}, column {Column}: {Message}";
}
