namespace Fkj.Cdr.Aql.Parsing;

/// <summary>The reserved words of AQL 1.1 (any case), including the built-in function names, as in the grammar's lexer.</summary>
internal enum Keyword : byte
{
    None,
    Select,
    As,
    From,
    Where,
    Order,
    By,
    Desc,
    Descending,
    Asc,
    Ascending,
    Limit,
    Offset,
    Distinct,
    Version,
    LatestVersion,
    AllVersions,
    Null,
    Top,
    Forward,
    Backward,
    Contains,
    And,
    Or,
    Not,
    Exists,
    Like,
    Matches,
    Length,
    Position,
    Substring,
    Concat,
    ConcatWs,
    Abs,
    Mod,
    Ceil,
    Floor,
    Round,
    CurrentDate,
    CurrentTime,
    CurrentDateTime,
    Now,
    CurrentTimezone,
    Count,
    Min,
    Max,
    Sum,
    Avg,
    Terminology,
    True,
    False,
}

internal static class Keywords
{
    /// <summary>
    /// The keyword this word spells, in any case, or <see cref="Keyword.None"/>. A switch on length and
    /// first letter leaves one or a few candidates to compare, so an identifier costs a few nanoseconds.
    /// </summary>
    public static Keyword Lookup(ReadOnlySpan<char> word)
    {
        if (word.Length is < 2 or > 17) return Keyword.None;
        var first = (char)(word[0] | 0x20);
        return word.Length switch
        {
            2 => first switch
            {
                'a' => Is(word, "AS", Keyword.As),
                'b' => Is(word, "BY", Keyword.By),
                'o' => Is(word, "OR", Keyword.Or),
                _ => Keyword.None,
            },
            3 => first switch
            {
                'a' => Is(word, "ASC", Keyword.Asc) | Is(word, "AND", Keyword.And) | Is(word, "ABS", Keyword.Abs) | Is(word, "AVG", Keyword.Avg),
                't' => Is(word, "TOP", Keyword.Top),
                'n' => Is(word, "NOT", Keyword.Not) | Is(word, "NOW", Keyword.Now),
                'm' => Is(word, "MOD", Keyword.Mod) | Is(word, "MIN", Keyword.Min) | Is(word, "MAX", Keyword.Max),
                's' => Is(word, "SUM", Keyword.Sum),
                _ => Keyword.None,
            },
            4 => first switch
            {
                'f' => Is(word, "FROM", Keyword.From),
                'd' => Is(word, "DESC", Keyword.Desc),
                'n' => Is(word, "NULL", Keyword.Null),
                'l' => Is(word, "LIKE", Keyword.Like),
                'c' => Is(word, "CEIL", Keyword.Ceil),
                't' => Is(word, "TRUE", Keyword.True),
                _ => Keyword.None,
            },
            5 => first switch
            {
                'w' => Is(word, "WHERE", Keyword.Where),
                'o' => Is(word, "ORDER", Keyword.Order),
                'l' => Is(word, "LIMIT", Keyword.Limit),
                'c' => Is(word, "COUNT", Keyword.Count),
                'f' => Is(word, "FLOOR", Keyword.Floor) | Is(word, "FALSE", Keyword.False),
                'r' => Is(word, "ROUND", Keyword.Round),
                _ => Keyword.None,
            },
            6 => first switch
            {
                's' => Is(word, "SELECT", Keyword.Select),
                'o' => Is(word, "OFFSET", Keyword.Offset),
                'e' => Is(word, "EXISTS", Keyword.Exists),
                'l' => Is(word, "LENGTH", Keyword.Length),
                'c' => Is(word, "CONCAT", Keyword.Concat),
                _ => Keyword.None,
            },
            7 => first switch
            {
                'v' => Is(word, "VERSION", Keyword.Version),
                'f' => Is(word, "FORWARD", Keyword.Forward),
                'm' => Is(word, "MATCHES", Keyword.Matches),
                _ => Keyword.None,
            },
            8 => first switch
            {
                'd' => Is(word, "DISTINCT", Keyword.Distinct),
                'b' => Is(word, "BACKWARD", Keyword.Backward),
                'c' => Is(word, "CONTAINS", Keyword.Contains),
                'p' => Is(word, "POSITION", Keyword.Position),
                _ => Keyword.None,
            },
            9 => first switch
            {
                'a' => Is(word, "ASCENDING", Keyword.Ascending),
                's' => Is(word, "SUBSTRING", Keyword.Substring),
                'c' => Is(word, "CONCAT_WS", Keyword.ConcatWs),
                _ => Keyword.None,
            },
            10 => Is(word, "DESCENDING", Keyword.Descending),
            11 => Is(word, "TERMINOLOGY", Keyword.Terminology),
            12 => Is(word, "CURRENT_DATE", Keyword.CurrentDate) | Is(word, "CURRENT_TIME", Keyword.CurrentTime) | Is(word, "ALL_VERSIONS", Keyword.AllVersions),
            14 => Is(word, "LATEST_VERSION", Keyword.LatestVersion),
            16 => Is(word, "CURRENT_TIMEZONE", Keyword.CurrentTimezone),
            17 => Is(word, "CURRENT_DATE_TIME", Keyword.CurrentDateTime),
            _ => Keyword.None,
        };
    }

    /// <summary>The spelling of each keyword, in upper case.</summary>
    public static string Spelling(Keyword keyword) => keyword switch
    {
        Keyword.LatestVersion => "LATEST_VERSION",
        Keyword.AllVersions => "ALL_VERSIONS",
        Keyword.ConcatWs => "CONCAT_WS",
        Keyword.CurrentDate => "CURRENT_DATE",
        Keyword.CurrentTime => "CURRENT_TIME",
        Keyword.CurrentDateTime => "CURRENT_DATE_TIME",
        Keyword.CurrentTimezone => "CURRENT_TIMEZONE",
        _ => keyword.ToString().ToUpperInvariant(),
    };

    /// <summary>The built-in (non-aggregate) function names; CONTAINS is one too when a '(' follows.</summary>
    public static bool IsFunctionName(Keyword keyword) => keyword is >= Keyword.Length and <= Keyword.CurrentTimezone or Keyword.Contains;

    public static bool IsAggregate(Keyword keyword) => keyword is >= Keyword.Count and <= Keyword.Avg;

    private static Keyword Is(ReadOnlySpan<char> word, string keyword, Keyword value) =>
        word.Equals(keyword, StringComparison.OrdinalIgnoreCase) ? value : Keyword.None;
}
