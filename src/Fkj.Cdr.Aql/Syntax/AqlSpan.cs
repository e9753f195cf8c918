namespace Fkj.Cdr.Aql.Syntax;

/// <summary>
/// Where a node was written in the query text: <see cref="Offset"/> and <see cref="Length"/> in UTF-16
/// code units, <see cref="Line"/> and <see cref="Column"/> 1-based (the column counts code units too).
/// A node built in code rather than parsed has the default span (all zero).
/// </summary>
public readonly record struct AqlSpan(int Offset, int Length, int Line, int Column)
{
    public int End => Offset + Length;

    public override string ToString() => $"line {Line}, column {Column} (offset {Offset}, length {Length})";
}
