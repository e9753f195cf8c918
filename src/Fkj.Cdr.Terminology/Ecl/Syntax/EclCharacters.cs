using System.Buffers;

namespace Fkj.Cdr.Terminology.Ecl.Syntax;

/// <summary>The grammar's character classes that both the parser and the writer need.</summary>
internal static class EclCharacters
{
    private static readonly SearchValues<char> AliasCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-");

    private static readonly SearchValues<char> UnquotedCodeCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._");

    public static readonly SearchValues<char> Letters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    /// <summary><c>alpha *(dash / alpha / integerValue)</c>: an alternate identifier's scheme, a dialect alias.</summary>
    public static bool IsAlias(ReadOnlySpan<char> text) =>
        text.Length > 0 && char.IsAsciiLetter(text[0]) && !text.ContainsAnyExcept(AliasCharacters);

    /// <summary><c>altIdentifierCodeWithoutQuotes</c>: a code that needs no quotes.</summary>
    public static bool IsUnquotedCode(ReadOnlySpan<char> code) => code.Length > 0 && !code.ContainsAnyExcept(UnquotedCodeCharacters);

    /// <summary>
    /// Whether the text between quotes reads as an alternate identifier <c>scheme#code</c>. Where an
    /// attribute or member field value may be an expression or a string, the official grammar tries the
    /// expression first, so such a quoted text is an alternate identifier there; a string value of that
    /// form is written <c>match:"..."</c>.
    /// </summary>
    public static bool IsQuotedAlternateIdentifier(ReadOnlySpan<char> content)
    {
        var hash = content.IndexOf('#');
        return hash >= 1 && hash + 1 < content.Length && IsAlias(content[..hash]) && content[(hash + 1)..].IndexOfAny('\\', '"') < 0;
    }
}
