using Fkj.Cdr.Aql.Syntax;

namespace Fkj.Cdr.Aql.Parsing;

/// <summary>
/// One token: kind, where it is, and what the parser needs of it. <see cref="Value"/> holds a string's
/// decoded text, a parameter's name, a URI, a regex's pattern or an error message; words are read from the
/// source on demand, so keywords cost no allocation.
/// </summary>
internal readonly record struct Token(
    TokenKind Kind,
    int Start,
    int Length,
    int Line,
    int Column,
    Keyword Keyword = Keyword.None,
    string? Value = null,
    ComparisonOperator Operator = default,
    bool IsNodeCode = false,
    bool HasEscapes = false,
    string? Extra = null)
{
    public int End => Start + Length;
}
