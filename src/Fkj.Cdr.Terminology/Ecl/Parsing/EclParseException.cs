namespace Fkj.Cdr.Terminology.Ecl.Parsing;

/// <summary>
/// Thrown when a text is not a valid expression constraint. Parsing stops at the first error, which
/// <see cref="Error"/> describes with its position. The parser throws nothing else for any input.
/// </summary>
public sealed class EclParseException : Exception
{
    public EclParseException(EclError error)
        : base(error.ToString())
    {
        Error = error;
    }

    public EclError Error { get; }
}
