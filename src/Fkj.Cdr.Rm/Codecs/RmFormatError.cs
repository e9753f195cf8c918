namespace Fkj.Cdr.Rm.Codecs;

/// <summary>
/// One problem found while decoding an RM document. <see cref="Path"/> is a JSON Pointer (RFC 6901)
/// for JSON input and an XPath-like element path for XML; line and column are 1-based.
/// </summary>
public sealed record RmFormatError(string Code, string Message, string Path, long Line, long Column)
{
    public override string ToString() => $"{Path} (line {Line}, column {Column}): {Message}";
}
