namespace Fkj.Cdr.Terminology.Ecl.Parsing;

/// <summary>
/// A token: its kind, its extent in the text, whether white space or a comment stands before it (the
/// grammar requires it in places, after AND for instance), and for <see cref="EclTokenKind.Invalid"/>
/// why it is no token.
/// </summary>
internal readonly record struct EclToken(EclTokenKind Kind, int Start, int End, bool SpaceBefore, string? Problem = null)
{
    public int Length => End - Start;
}
