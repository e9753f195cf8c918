namespace Fkj.Cdr.Terminology.Ecl.Syntax;

/// <summary>
/// Where a node stands in the text it was parsed from: <see cref="Start"/> is the 0-based offset of its
/// first character (in UTF-16 code units, as <see cref="string"/> counts), <see cref="End"/> the offset
/// just after its last. A node built by hand has the empty span at 0.
/// </summary>
public readonly record struct EclSpan(int Start, int End)
{
    public int Length => End - Start;

    public override string ToString() => $"{Start}..{End}";
}
