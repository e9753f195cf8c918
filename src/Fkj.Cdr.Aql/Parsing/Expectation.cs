namespace Fkj.Cdr.Aql.Parsing;

/// <summary>
/// What the parser may look for at a token, as one bit each, in the order error messages list them.
/// The parser records every alternative it tries at the current token, so an error names exactly what
/// would have been accepted there.
/// </summary>
internal enum Expectation
{
    Select,
    Distinct,
    Top,
    Forward,
    Backward,
    Path,
    Variable,
    LeftBracket,
    Slash,
    Literal,
    String,
    Integer,
    Number,
    Parameter,
    Aggregate,
    Function,
    Star,
    As,
    Alias,
    From,
    Version,
    RmType,
    NodeId,
    ArchetypeId,
    TermCode,
    LatestVersion,
    AllVersions,
    Attribute,
    ComparisonOperator,
    Exists,
    Like,
    Matches,
    Is,
    Null,
    LeftBrace,
    Uri,
    Regex,
    Terminology,
    Not,
    Contains,
    And,
    Or,
    LeftParen,
    Comma,
    RightParen,
    RightBracket,
    RightBrace,
    Where,
    OrderBy,
    By,
    Direction,
    Limit,
    Offset,
    End,
}

internal static class Expectations
{
    private static readonly string[] Names =
    [
        "SELECT", "DISTINCT", "TOP", "FORWARD", "BACKWARD", "a path", "a variable", "'['", "'/'", "a literal", "a string",
        "an integer", "a number", "a parameter", "an aggregate", "a function call", "'*'", "AS", "an alias", "FROM",
        "VERSION", "an RM type", "a node id", "an archetype id", "a term code", "LATEST_VERSION",
        "ALL_VERSIONS", "an attribute name", "a comparison operator", "EXISTS", "LIKE",
        "MATCHES", "IS", "NULL", "'{'", "a URI", "a regular expression", "TERMINOLOGY", "NOT", "CONTAINS",
        "AND", "OR", "'('", "','", "')'", "']'", "'}'", "WHERE", "ORDER BY", "BY", "ASC or DESC", "LIMIT",
        "OFFSET", "end of query",
    ];

    public static ulong Bit(Expectation expectation) => 1UL << (int)expectation;

    public static List<string> Describe(ulong set)
    {
        var names = new List<string>();
        for (var i = 0; i < Names.Length; i++)
        {
            if ((set & (1UL << i)) != 0) names.Add(Names[i]);
        }

        return names;
    }
}
