namespace Fkj.Cdr.Templates.Opt.Primitives;

/// <summary>C_STRING: a list of allowed strings, or a regular expression (as written in the OPT).</summary>
public sealed class CString : CPrimitive
{
    public override string TypeName => "STRING";

    public IReadOnlyList<string> List { get; init; } = [];

    public string? Pattern { get; init; }

    /// <summary>True when <see cref="List"/> only suggests values and others are allowed too.</summary>
    public bool ListOpen { get; init; }

    public string? AssumedValue { get; init; }
}
