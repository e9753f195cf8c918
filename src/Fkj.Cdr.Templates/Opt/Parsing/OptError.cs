namespace Fkj.Cdr.Templates.Opt.Parsing;

/// <summary>
/// One problem found in an operational template. <see cref="Path"/> is an XPath-like element path
/// (<c>/template/definition/attributes[2]/children/rm_type_name</c>); <see cref="NodePath"/> is the
/// openEHR path of the constraint node concerned, where there is one. Line and column are 1-based.
/// </summary>
public sealed record OptError(string Code, string Message, string Path, long Line, long Column, string? NodePath = null)
{
    public override string ToString() =>
        $"{Path} (line {Line}, column {Column}){(NodePath is null ? "" : $" [{NodePath}]")}: {Message}";
}
