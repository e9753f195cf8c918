namespace Fkj.Cdr.Terminology.Ecl.Parsing;

/// <summary>
/// Why an expression constraint does not parse, and where: <see cref="Offset"/> is the 0-based offset
/// (in UTF-16 code units) of the offending character or token, <see cref="Line"/> and
/// <see cref="Column"/> its 1-based line and column (a line ends at LF, CR LF or CR).
/// <see cref="Expected"/> lists what the grammar allowed there, when that is a short list (empty otherwise).
/// </summary>
public sealed record EclError(string Message, int Offset, int Line, int Column, IReadOnlyList<string> Expected)
{
    public override string ToString() => $"line {Line}, column {Column}: {Message}";
}
