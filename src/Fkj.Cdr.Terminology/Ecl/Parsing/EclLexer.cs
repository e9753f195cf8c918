namespace Fkj.Cdr.Terminology.Ecl.Parsing;

/// <summary>
/// Splits an expression constraint into tokens. White space (space, tab, CR, LF) and comments
/// <c>/* ... */</c> separate tokens and are dropped, noted on the token that follows. The lexer knows no
/// context: terms between pipes and quoted strings are single tokens, since <c>|</c> and <c>"</c> mean
/// nothing else in ECL, and keywords are plain words that the parser interprets where it expects them.
/// The first thing that is no token becomes an <see cref="EclTokenKind.Invalid"/> token and ends the
/// list, so the parser reports it only if it gets that far. Where the grammar is ambiguous about where a
/// token ends, the lexer takes the longest: an unquoted alternate identifier's code takes every letter,
/// digit, <c>-</c>, <c>.</c> and <c>_</c> that follows (<c>LOINC#54486-6.</c> ends with the dot), as a
/// word takes the digits after it (<c>R127489000</c>, which the parser splits where the grammar needs it).
/// </summary>
internal static class EclLexer
{
    public static List<EclToken> Tokenize(string text)
    {
        var tokens = new List<EclToken>(Math.Min(text.Length / 3 + 4, 4096));
        var i = 0;
        while (true)
        {
            var space = false;
            while (i < text.Length)
            {
                var c = text[i];
                if (c is ' ' or '\t' or '\r' or '\n')
                {
                    i++;
                    space = true;
                }
                else if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
                {
                    var close = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                    if (close < 0)
                        return Stop(tokens, text, i, space, "this comment is not closed with */");
                    i = close + 2;
                    space = true;
                }
                else
                {
                    break;
                }
            }

            if (i >= text.Length)
            {
                tokens.Add(new EclToken(EclTokenKind.End, text.Length, text.Length, space));
                return tokens;
            }

            var start = i;
            var ch = text[i];
            EclTokenKind kind;
            switch (ch)
            {
                case '(': kind = EclTokenKind.LeftParen; i++; break;
                case ')': kind = EclTokenKind.RightParen; i++; break;
                case '[': kind = EclTokenKind.LeftBracket; i++; break;
                case ']': kind = EclTokenKind.RightBracket; i++; break;
                case ':': kind = EclTokenKind.Colon; i++; break;
                case ',': kind = EclTokenKind.Comma; i++; break;
                case '^': kind = EclTokenKind.Caret; i++; break;
                case '*': kind = EclTokenKind.Star; i++; break;
                case '+': kind = EclTokenKind.Plus; i++; break;
                case '-': kind = EclTokenKind.Minus; i++; break;
                case '=': kind = EclTokenKind.Equals; i++; break;
                case '{':
                    kind = At(text, i + 1, '{') ? EclTokenKind.DoubleLeftBrace : EclTokenKind.LeftBrace;
                    i += kind == EclTokenKind.DoubleLeftBrace ? 2 : 1;
                    break;
                case '}':
                    kind = At(text, i + 1, '}') ? EclTokenKind.DoubleRightBrace : EclTokenKind.RightBrace;
                    i += kind == EclTokenKind.DoubleRightBrace ? 2 : 1;
                    break;
                case '.':
                    kind = At(text, i + 1, '.') ? EclTokenKind.DotDot : EclTokenKind.Dot;
                    i += kind == EclTokenKind.DotDot ? 2 : 1;
                    break;
                case '<':
                    (kind, i) = LessFamily(text, i);
                    break;
                case '>':
                    (kind, i) = GreaterFamily(text, i);
                    break;
                case '!':
                    if (At(text, i + 1, '='))
                    {
                        kind = EclTokenKind.NotEquals;
                        i += 2;
                    }
                    else if (At(text, i + 1, '!') && At(text, i + 2, '>'))
                    {
                        kind = EclTokenKind.BangBangGreater;
                        i += 3;
                    }
                    else if (At(text, i + 1, '!') && At(text, i + 2, '<'))
                    {
                        kind = EclTokenKind.BangBangLess;
                        i += 3;
                    }
                    else
                    {
                        return Stop(tokens, text, i, space, "'!' stands only in '!=', '!!>' and '!!<'");
                    }

                    break;
                case '#':
                    if (IsDigit(text, i + 1) || (At(text, i + 1, '-', '+') && IsDigit(text, i + 2)))
                    {
                        kind = EclTokenKind.HashNumber;
                        i = ScanNumber(text, i + 1);
                    }
                    else
                    {
                        kind = EclTokenKind.Hash;
                        i++;
                    }

                    break;
                case '|':
                {
                    var close = text.IndexOf('|', i + 1);
                    if (close < 0)
                        return Stop(tokens, text, i, space, "this term is not closed with '|'");
                    kind = EclTokenKind.Term;
                    i = close + 1;
                    break;
                }

                case '"':
                {
                    var end = ScanString(text, i);
                    if (end < 0)
                        return Stop(tokens, text, i, space, "this quoted string is not closed with '\"'");
                    kind = EclTokenKind.String;
                    i = end;
                    break;
                }

                default:
                    if (ch is >= '0' and <= '9')
                    {
                        kind = EclTokenKind.Number;
                        while (i < text.Length && text[i] is >= '0' and <= '9') i++;
                    }
                    else if (IsLetter(ch))
                    {
                        i++;
                        while (i < text.Length && (IsLetter(text[i]) || text[i] is >= '0' and <= '9' or '-' or '_')) i++;
                        kind = EclTokenKind.Word;
                        if (At(text, i, '#'))
                        {
                            var problem = AlternateIdentifierProblem(text, start, i);
                            if (problem is not null) return Stop(tokens, text, start, space, problem);
                            kind = EclTokenKind.AlternateIdentifier;
                            i++;
                            while (i < text.Length && (IsLetter(text[i]) || text[i] is >= '0' and <= '9' or '-' or '.' or '_')) i++;
                        }
                    }
                    else
                    {
                        return Stop(tokens, text, i, space, $"unexpected character {Describe(text, i)}");
                    }

                    break;
            }

            tokens.Add(new EclToken(kind, start, i, space));
        }
    }

    /// <summary><c>&lt;</c>, <c>&lt;=</c>, <c>&lt;&gt;</c>, <c>&lt;!</c>, <c>&lt;&lt;</c>, <c>&lt;&lt;!</c>.</summary>
    private static (EclTokenKind Kind, int End) LessFamily(string text, int i)
    {
        if (At(text, i + 1, '<'))
            return At(text, i + 2, '!') ? (EclTokenKind.DoubleLessBang, i + 3) : (EclTokenKind.DoubleLess, i + 2);
        if (At(text, i + 1, '!')) return (EclTokenKind.LessBang, i + 2);
        if (At(text, i + 1, '=')) return (EclTokenKind.LessOrEqual, i + 2);
        if (At(text, i + 1, '>')) return (EclTokenKind.LessGreater, i + 2);
        return (EclTokenKind.LessThan, i + 1);
    }

    /// <summary><c>&gt;</c>, <c>&gt;=</c>, <c>&gt;!</c>, <c>&gt;&gt;</c>, <c>&gt;&gt;!</c>.</summary>
    private static (EclTokenKind Kind, int End) GreaterFamily(string text, int i)
    {
        if (At(text, i + 1, '>'))
            return At(text, i + 2, '!') ? (EclTokenKind.DoubleGreaterBang, i + 3) : (EclTokenKind.DoubleGreater, i + 2);
        if (At(text, i + 1, '!')) return (EclTokenKind.GreaterBang, i + 2);
        if (At(text, i + 1, '=')) return (EclTokenKind.GreaterOrEqual, i + 2);
        return (EclTokenKind.GreaterThan, i + 1);
    }

    /// <summary>A sign, digits, and a fraction when a digit follows the point; the parser checks the form.</summary>
    private static int ScanNumber(string text, int i)
    {
        if (At(text, i, '-', '+')) i++;
        while (i < text.Length && text[i] is >= '0' and <= '9') i++;
        if (At(text, i, '.') && IsDigit(text, i + 1))
        {
            i++;
            while (i < text.Length && text[i] is >= '0' and <= '9') i++;
        }

        return i;
    }

    /// <summary>The offset after the closing quote, or -1. A backslash takes the next character with it.</summary>
    private static int ScanString(string text, int i)
    {
        for (i++; i < text.Length; i++)
        {
            if (text[i] == '\\')
                i++;
            else if (text[i] == '"')
                return i + 1;
        }

        return -1;
    }

    /// <summary>An alternate identifier's scheme (before <c>#</c>) has letters, digits and dashes, and a code must follow.</summary>
    private static string? AlternateIdentifierProblem(string text, int start, int hash)
    {
        if (text.AsSpan(start, hash - start).Contains('_'))
            return $"the scheme '{text[start..hash]}' of an alternate identifier may hold only letters, digits and '-'";
        var next = hash + 1;
        if (next >= text.Length || !(IsLetter(text[next]) || text[next] is >= '0' and <= '9' or '-' or '.' or '_'))
            return $"the alternate identifier '{text[start..next]}' has no code after '#'";
        return null;
    }

    private static List<EclToken> Stop(List<EclToken> tokens, string text, int at, bool space, string problem)
    {
        tokens.Add(new EclToken(EclTokenKind.Invalid, at, Math.Min(at + 1, text.Length), space, problem));
        tokens.Add(new EclToken(EclTokenKind.End, text.Length, text.Length, false));
        return tokens;
    }

    internal static string Describe(string text, int i)
    {
        var c = text[i];
        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            return $"'{text.Substring(i, 2)}' (U+{char.ConvertToUtf32(c, text[i + 1]):X4})";
        return char.IsControl(c) || char.IsSurrogate(c) || char.IsWhiteSpace(c) ? $"U+{(int)c:X4}" : $"'{c}'";
    }

    private static bool At(string text, int i, char c) => i < text.Length && text[i] == c;

    private static bool At(string text, int i, char a, char b) => i < text.Length && (text[i] == a || text[i] == b);

    private static bool IsDigit(string text, int i) => i < text.Length && text[i] is >= '0' and <= '9';

    private static bool IsLetter(char c) => c is >= 'A' and <= 'Z' or >= 'a' and <= 'z';
}
