using System.Collections.Frozen;

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
    private static readonly FrozenDictionary<string, Keyword> ByName = new Dictionary<string, Keyword>(StringComparer.OrdinalIgnoreCase)
    {
        ["SELECT"] = Keyword.Select,
        ["AS"] = Keyword.As,
        ["FROM"] = Keyword.From,
        ["WHERE"] = Keyword.Where,
        ["ORDER"] = Keyword.Order,
        ["BY"] = Keyword.By,
        ["DESC"] = Keyword.Desc,
        ["DESCENDING"] = Keyword.Descending,
        ["ASC"] = Keyword.Asc,
        ["ASCENDING"] = Keyword.Ascending,
        ["LIMIT"] = Keyword.Limit,
        ["OFFSET"] = Keyword.Offset,
        ["DISTINCT"] = Keyword.Distinct,
        ["VERSION"] = Keyword.Version,
        ["LATEST_VERSION"] = Keyword.LatestVersion,
        ["ALL_VERSIONS"] = Keyword.AllVersions,
        ["NULL"] = Keyword.Null,
        ["TOP"] = Keyword.Top,
        ["FORWARD"] = Keyword.Forward,
        ["BACKWARD"] = Keyword.Backward,
        ["CONTAINS"] = Keyword.Contains,
        ["AND"] = Keyword.And,
        ["OR"] = Keyword.Or,
        ["NOT"] = Keyword.Not,
        ["EXISTS"] = Keyword.Exists,
        ["LIKE"] = Keyword.Like,
        ["MATCHES"] = Keyword.Matches,
        ["LENGTH"] = Keyword.Length,
        ["POSITION"] = Keyword.Position,
        ["SUBSTRING"] = Keyword.Substring,
        ["CONCAT"] = Keyword.Concat,
        ["CONCAT_WS"] = Keyword.ConcatWs,
        ["ABS"] = Keyword.Abs,
        ["MOD"] = Keyword.Mod,
        ["CEIL"] = Keyword.Ceil,
        ["FLOOR"] = Keyword.Floor,
        ["ROUND"] = Keyword.Round,
        ["CURRENT_DATE"] = Keyword.CurrentDate,
        ["CURRENT_TIME"] = Keyword.CurrentTime,
        ["CURRENT_DATE_TIME"] = Keyword.CurrentDateTime,
        ["NOW"] = Keyword.Now,
        ["CURRENT_TIMEZONE"] = Keyword.CurrentTimezone,
        ["COUNT"] = Keyword.Count,
        ["MIN"] = Keyword.Min,
        ["MAX"] = Keyword.Max,
        ["SUM"] = Keyword.Sum,
        ["AVG"] = Keyword.Avg,
        ["TERMINOLOGY"] = Keyword.Terminology,
        ["TRUE"] = Keyword.True,
        ["FALSE"] = Keyword.False,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, Keyword>.AlternateLookup<ReadOnlySpan<char>> BySpan =
        ByName.GetAlternateLookup<ReadOnlySpan<char>>();

    public static Keyword Lookup(ReadOnlySpan<char> word) =>
        word.Length is >= 2 and <= 17 && BySpan.TryGetValue(word, out var keyword) ? keyword : Keyword.None;

    /// <summary>The built-in (non-aggregate) function names; CONTAINS is one too when a '(' follows.</summary>
    public static bool IsFunctionName(Keyword keyword) => keyword is >= Keyword.Length and <= Keyword.CurrentTimezone or Keyword.Contains;

    public static bool IsAggregate(Keyword keyword) => keyword is >= Keyword.Count and <= Keyword.Avg;
}
