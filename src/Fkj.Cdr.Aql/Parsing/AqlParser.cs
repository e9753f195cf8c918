using System.Diagnostics.CodeAnalysis;
using Fkj.Cdr.Aql.Syntax;

namespace Fkj.Cdr.Aql.Parsing;

/// <summary>
/// Parses AQL 1.1 (openEHR specifications-QUERY, the ANTLR 4 grammar <c>AqlParser.g4</c> and
/// <c>AqlLexer.g4</c>) into an <see cref="AqlQuery"/>: a hand-written lexer and recursive-descent parser,
/// one pass, no backtracking, linear in the length of the query.
/// </summary>
/// <remarks>
/// <para>
/// The parser stops at the first error and reports it as an <see cref="AqlParseException"/>: line, column,
/// what the grammar allowed there and what was found. It throws nothing else, for any input: nesting
/// deeper than <see cref="MaxNesting"/> and queries longer than <see cref="MaxQueryLength"/> are errors
/// like any other. After the syntax, it checks names: every path must start with a variable declared in
/// FROM (or, in ORDER BY, a column alias), and no variable may be declared twice.
/// </para>
/// <para>
/// Beyond the grammar, it accepts what vendors write and the grammar's own lexer gets in the way of:
/// parameters written <c>:name</c>; <c>IS [NOT] NULL</c>; <c>MATCHES $parameter</c>; keywords (other
/// than the clauses') as aliases after <c>AS</c>; <c>CONTAINS(...)</c> as the string
/// function; <c>--</c> comments anywhere; fractions of any length in date-time strings; and backslashes
/// that start no escape are kept as written.
/// </para>
/// </remarks>
public static class AqlParser
{
    /// <summary>The longest query accepted, in characters.</summary>
    public const int MaxQueryLength = 1 << 20;

    /// <summary>How deep parentheses, NOT, CONTAINS, predicates and function calls may nest.</summary>
    public const int MaxNesting = 256;

    /// <exception cref="AqlParseException">The query is not valid AQL.</exception>
    public static AqlQuery Parse(string query)
    {
        query ??= "";
        if (query.Length > MaxQueryLength)
        {
            throw new AqlParseException(new AqlError(
                $"the query is {query.Length:N0} characters long; at most {MaxQueryLength:N0} are accepted", 1, 1, 0, []));
        }

        var parser = new Parser(query);
        try
        {
            return parser.ParseQuery();
        }
        finally
        {
            parser.Release();
        }
    }

    /// <summary>Parses without throwing: the query, or the error.</summary>
    public static bool TryParse(string query, [NotNullWhen(true)] out AqlQuery? result, [NotNullWhen(false)] out AqlError? error)
    {
        try
        {
            result = Parse(query);
            error = null;
            return true;
        }
        catch (AqlParseException e)
        {
            result = null;
            error = e.Error;
            return false;
        }
    }
}
