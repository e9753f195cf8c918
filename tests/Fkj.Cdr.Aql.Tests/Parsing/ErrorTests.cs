using Fkj.Cdr.Aql.Parsing;
using static Fkj.Cdr.Aql.Tests.Support.Aql;

namespace Fkj.Cdr.Aql.Tests.Parsing;

/// <summary>Errors: position, expected tokens, what was found, and the lexer's own errors.</summary>
public class ErrorTests
{
    [Fact]
    public void An_error_names_line_column_what_was_expected_and_what_was_found()
    {
        var exception = Assert.Throws<AqlParseException>(() => AqlParser.Parse("""
            SELECT o/data[at0001]/events[at0006]/data[at0003]/items[at0004]/value/magnitude
            FROM EHR e
                CONTAINS OBSERVATION o)
            WHERE o/name/value = 'Vital signs'
            """));

        var error = exception.Error;
        Assert.Equal((3, 27, 117, 1), (error.Line, error.Column, error.Offset, error.Length));
        Assert.Equal(["'['", "NOT", "CONTAINS", "AND", "OR", "WHERE", "ORDER BY", "LIMIT", "end of query"], error.Expected);
        Assert.Equal(
            "line 3, column 27: expected one of '[', NOT, CONTAINS, AND, OR, WHERE, ORDER BY, LIMIT, end of query; found ')'",
            exception.Message);
    }

    [Theory]
    [InlineData("", "expected SELECT; found end of query", 1, 1)]
    [InlineData("   \n  -- only a comment\n", "expected SELECT; found end of query", 3, 1)]
    [InlineData("SELECT", "expected one of DISTINCT, TOP, a path, a literal, an aggregate, a function call; found end of query", 1, 7)]
    [InlineData("SELECT e", "expected one of '[', '/', AS, FROM, ','; found end of query", 1, 9)]
    [InlineData("SELECT e FROM", "expected one of VERSION, an RM type, '('; found end of query", 1, 14)]
    [InlineData("SELECT e FROM EHR e WHERE", "expected one of a path, a function call, EXISTS, NOT, '('; found end of query", 1, 26)]
    [InlineData("FROM EHR e", "expected SELECT; found 'FROM'", 1, 1)]
    [InlineData("SELECT e, FROM EHR e", "expected one of a path, a literal, an aggregate, a function call; found 'FROM'", 1, 11)]
    [InlineData("SELECT e AS FROM EHR e", "expected an alias; found 'FROM'", 1, 13)]
    [InlineData("SELECT e FROM EHR e WHERE e/x = 1 1", "expected one of AND, OR, ORDER BY, LIMIT, end of query; found '1'", 1, 35)]
    [InlineData("SELECT e FROM EHR e;", "expected one of '[', NOT, CONTAINS, AND, OR, WHERE, ORDER BY, LIMIT, end of query; found ';'", 1, 20)]
    [InlineData("SELECT e FROM (EHR e", "expected one of '[', NOT, CONTAINS, AND, OR, ')'; found end of query", 1, 21)]
    [InlineData("SELECT e FROM EHR e NOT e", "expected CONTAINS; found 'e'", 1, 25)]
    [InlineData("SELECT e FROM EHR e CONTAINS COMPOSITION 5", "expected one of a variable, '[', NOT, CONTAINS, AND, OR, WHERE, ORDER BY, LIMIT, end of query; found '5'", 1, 42)]
    public void Expected_and_found(string query, string message, int line, int column)
    {
        var error = Error(query);

        Assert.Equal(message, error.Message);
        Assert.Equal((line, column), (error.Line, error.Column));
    }

    [Theory]
    [InlineData("SELECT e FROM EHR e WHERE e/x = 'open", "the string that starts here is not terminated: a closing ' (single quote) is missing", 33)]
    [InlineData("SELECT e FROM EHR e WHERE e/x = \"open\\\"", "the string that starts here is not terminated: a closing \" (double quote) is missing", 33)]
    [InlineData("SELECT e FROM EHR e WHERE e/x = $", "'$' must be followed by a parameter name (a letter, then letters, digits or '_')", 33)]
    [InlineData("SELECT e FROM EHR e WHERE e/x = :1", "unexpected ':' (a parameter is written $name or :name, a term code terminology::code)", 33)]
    [InlineData("SELECT e FROM EHR e WHERE e/x ~ 1", "unexpected character '~'", 31)]
    [InlineData("SELECT e FROM EHR e WHERE e/x\u00A0= 1", "unexpected character U+00A0", 30)]
    [InlineData("SELECT e FROM EHR e WHERE e/x = \u0001", "unexpected character U+0001", 33)]
    [InlineData("SELECT e FROM EHR e WHERE e/x = 😀", "unexpected character '😀'", 33)]
    public void Lexical_errors(string query, string message, int column)
    {
        var error = Error(query);

        Assert.Equal(message, error.Message);
        Assert.Equal(column, error.Column);
        Assert.Empty(error.Expected);
    }

    [Fact]
    public void Lines_and_columns_count_from_one_across_comments_and_multi_line_strings()
    {
        var error = Error("""
            -- the latest blood pressures
            SELECT o/data -- systolic
              FROM OBSERVATION o
             WHERE o/name/value = 'two
            lines' AND o/x >= = 1
            """);

        Assert.Equal((5, 19), (error.Line, error.Column));
        Assert.Equal("expected one of a path, a literal, a parameter, a function call; found '='", error.Message);
    }

    [Fact]
    public void A_byte_order_mark_is_skipped()
    {
        Assert.Equal(new Fkj.Cdr.Aql.Syntax.IdentifiedPath("e"), Parse("\uFEFFSELECT e FROM EHR e").Select.Columns[0].Expression);
    }

    [Fact]
    public void Unknown_variables_are_reported_where_they_are_used()
    {
        var error = Error("SELECT e/ehr_id/value, x/name FROM EHR e CONTAINS COMPOSITION c");

        Assert.Equal((1, 24, 23, 1), (error.Line, error.Column, error.Offset, error.Length));
        Assert.Equal("unknown variable 'x': the FROM clause declares e, c", error.Message);
        Assert.Empty(error.Expected);
    }

    [Fact]
    public void An_alias_is_not_a_variable_except_in_order_by()
    {
        var error = Error("SELECT e/ehr_id/value AS uid FROM EHR e WHERE uid = $id");

        Assert.Equal(47, error.Column);
        Assert.Equal("'uid' is a column alias, not a variable: a path starts with a variable of the FROM clause, and the FROM clause declares e", error.Message);

        Assert.NotNull(Parse("SELECT e/ehr_id/value AS uid FROM EHR e ORDER BY uid").OrderBy);
        Assert.Equal(50, Error("SELECT e/ehr_id/value AS uid FROM EHR e ORDER BY uid/value").Column);
    }

    [Fact]
    public void A_variable_is_declared_once_and_names_ignore_case()
    {
        var error = Error("SELECT c FROM EHR e CONTAINS COMPOSITION c CONTAINS OBSERVATION C");

        Assert.Equal((1, 65), (error.Line, error.Column));
        Assert.Equal("the variable 'C' is declared twice; it was first declared at line 1, column 42", error.Message);

        Assert.NotNull(Parse("SELECT O/data FROM OBSERVATION o"));
    }

    [Fact]
    public void The_first_error_in_the_text_is_reported()
    {
        // Paths in SELECT are checked once FROM has declared the variables, before what follows FROM.
        Assert.Equal((1, 8), (Error("SELECT x FROM EHR e WHERE e/y = ").Line, Error("SELECT x FROM EHR e WHERE e/y = ").Column));
        Assert.Equal(27, Error("SELECT e FROM EHR e WHERE x/y = ").Column);
        Assert.Equal(8, Error("SELECT x FROM EHR e CONTAINS COMPOSITION e").Column);
        Assert.Equal(42, Error("SELECT e FROM EHR e CONTAINS COMPOSITION e WHERE x/y = 1").Column);
    }

    [Fact]
    public void The_message_of_an_error_is_its_position_and_text()
    {
        var error = new AqlError("expected X; found Y", 3, 17, 40, ["X"]);

        Assert.Equal("line 3, column 17: expected X; found Y", error.ToString());
        Assert.Equal(error.ToString(), new AqlParseException(error).Message);
    }

    [Fact]
    public void TryParse_returns_the_error()
    {
        Assert.True(AqlParser.TryParse("SELECT e FROM EHR e", out var query, out _));
        Assert.NotNull(query);
        Assert.False(AqlParser.TryParse("SELECT e FROM", out _, out var error));
        Assert.Equal(14, error.Column);
        Assert.False(AqlParser.TryParse(null!, out _, out error));
        Assert.Equal("expected SELECT; found end of query", error.Message);
    }
}
