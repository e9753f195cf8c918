using Fkj.Cdr.Aql.Syntax;
using static Fkj.Cdr.Aql.Tests.Support.Aql;

namespace Fkj.Cdr.Aql.Tests.Parsing;

/// <summary>SELECT: columns, aliases, DISTINCT, TOP, literals, aggregates, functions.</summary>
public class SelectClauseTests
{
    [Fact]
    public void Columns_are_paths_whole_variables_and_aliases()
    {
        var select = Parse("SELECT DISTINCT e/ehr_id/value AS id, c, o/data[at0001]/events[at0006]/time/value AS time FROM EHR e CONTAINS COMPOSITION c CONTAINS OBSERVATION o").Select;

        Assert.True(select.Distinct);
        Assert.Null(select.Top);
        Assert.Equal(
            [
                new SelectColumn(Path("e", Part("ehr_id"), Part("value")), "id"),
                new SelectColumn(new IdentifiedPath("c")),
                new SelectColumn(Path("o", Part("data", "at0001"), Part("events", "at0006"), Part("time"), Part("value")), "time"),
            ],
            select.Columns);
        Assert.True(((IdentifiedPath)select.Columns[1].Expression).IsVariableOnly);
    }

    [Fact]
    public void Keywords_are_read_in_any_case()
    {
        var query = Parse("select distinct e/ehr_id/value as Id from ehr e Where e/x = 1 order By e/x desc Limit 5 offset 2");

        Assert.True(query.Select.Distinct);
        Assert.Equal("Id", query.Select.Columns[0].Alias);
        Assert.Equal(new ClassExpression("ehr", "e"), ((Containment)query.From.Contains).Class);
        Assert.Equal(new LimitClause(5, 2), query.Limit);
        Assert.True(query.OrderBy!.Keys[0].Descending);
    }

    [Fact]
    public void An_alias_may_be_a_keyword()
    {
        var select = Parse("SELECT COUNT(*) AS count, e/x AS value FROM EHR e").Select;

        Assert.Equal(["count", "value"], select.Columns.Select(c => c.Alias));
    }

    [Fact]
    public void Literals_are_columns()
    {
        var columns = Parse("SELECT 'text', \"double\", 42, -7, 3.5, -0.25, true, FALSE, null, e FROM EHR e").Select.Columns;

        Assert.Equal(
            [
                new StringLiteral("text"), new StringLiteral("double"), new IntegerLiteral(42), new IntegerLiteral(-7),
                new RealLiteral(3.5), new RealLiteral(-0.25), new BooleanLiteral(true), new BooleanLiteral(false),
                new NullLiteral(), new IdentifiedPath("e"),
            ],
            columns.Select(c => c.Expression));
    }

    [Fact]
    public void Aggregates_count_star_count_distinct_min_max_sum_avg()
    {
        var columns = Parse("""
            SELECT COUNT(*), count(o/x), COUNT(DISTINCT e/ehr_id/value) AS patients,
                   MIN(o/x), MAX(o/x), SUM(o/x), AVG(o/x)
            FROM EHR e CONTAINS OBSERVATION o
            """).Select.Columns;

        var x = Path("o", Part("x"));
        Assert.Equal(
            [
                new AggregateCall(AggregateFunction.Count, null),
                new AggregateCall(AggregateFunction.Count, x),
                new AggregateCall(AggregateFunction.Count, Path("e", Part("ehr_id"), Part("value")), Distinct: true),
                new AggregateCall(AggregateFunction.Min, x),
                new AggregateCall(AggregateFunction.Max, x),
                new AggregateCall(AggregateFunction.Sum, x),
                new AggregateCall(AggregateFunction.Avg, x),
            ],
            columns.Select(c => c.Expression));
        Assert.Equal("patients", columns[2].Alias);
    }

    [Theory]
    [InlineData("MIN(*)")]
    [InlineData("MAX(DISTINCT o/x)")]
    [InlineData("SUM('a')")]
    [InlineData("COUNT()")]
    public void Aggregates_take_what_the_grammar_says(string column)
    {
        var error = Error($"SELECT {column} FROM EHR e CONTAINS OBSERVATION o");

        Assert.Equal(1, error.Line);
        Assert.Contains("a path", error.Expected);
    }

    [Theory]
    [InlineData("LENGTH", AqlFunction.Length)]
    [InlineData("contains", AqlFunction.Contains)]
    [InlineData("POSITION", AqlFunction.Position)]
    [InlineData("SUBSTRING", AqlFunction.Substring)]
    [InlineData("CONCAT", AqlFunction.Concat)]
    [InlineData("CONCAT_WS", AqlFunction.ConcatWs)]
    [InlineData("ABS", AqlFunction.Abs)]
    [InlineData("Mod", AqlFunction.Mod)]
    [InlineData("CEIL", AqlFunction.Ceil)]
    [InlineData("FLOOR", AqlFunction.Floor)]
    [InlineData("ROUND", AqlFunction.Round)]
    [InlineData("CURRENT_DATE", AqlFunction.CurrentDate)]
    [InlineData("CURRENT_TIME", AqlFunction.CurrentTime)]
    [InlineData("CURRENT_DATE_TIME", AqlFunction.CurrentDateTime)]
    [InlineData("now", AqlFunction.Now)]
    [InlineData("CURRENT_TIMEZONE", AqlFunction.CurrentTimezone)]
    [InlineData("my_function", AqlFunction.Unknown)]
    public void Every_built_in_function_is_known_by_name(string name, AqlFunction function)
    {
        var call = Assert.IsType<FunctionCall>(Column($"{name}(o/x, 1)"));

        Assert.Equal(name.ToUpperInvariant(), call.Name);
        Assert.Equal(function, call.Function);
        Assert.Equal([Path("o", Part("x")), new IntegerLiteral(1)], call.Arguments);
    }

    [Fact]
    public void Function_arguments_are_literals_parameters_paths_and_calls()
    {
        var call = Column("CONCAT_WS(', ', SUBSTRING(o/name/value, 1, 3), $suffix, :other, NOW())");

        Assert.Equal(
            new FunctionCall("CONCAT_WS",
            [
                new StringLiteral(", "),
                new FunctionCall("SUBSTRING", [Path("o", Part("name"), Part("value")), new IntegerLiteral(1), new IntegerLiteral(3)]),
                new ParameterRef("suffix"),
                new ParameterRef("other", ParameterStyle.Colon),
                new FunctionCall("NOW", []),
            ]),
            call);
    }

    [Fact]
    public void Terminology_is_a_column()
    {
        Assert.Equal(
            new TerminologyCall("expand", "hl7.org/fhir/4.0", "http://snomed.info/sct?fhir_vs=isa/50697003"),
            Column("TERMINOLOGY('expand', 'hl7.org/fhir/4.0', 'http://snomed.info/sct?fhir_vs=isa/50697003')"));
    }

    [Fact]
    public void Parameters_are_not_columns()
    {
        var error = Error("SELECT $p FROM EHR e");

        Assert.Equal((1, 8), (error.Line, error.Column));
        Assert.DoesNotContain("a parameter", error.Expected);
    }

    [Theory]
    [InlineData("SELECT TOP 10 e FROM EHR e", 10L, null)]
    [InlineData("SELECT TOP 3 FORWARD e FROM EHR e", 3L, TopDirection.Forward)]
    [InlineData("SELECT DISTINCT top 1 backward e FROM EHR e", 1L, TopDirection.Backward)]
    public void Legacy_top(string text, long count, TopDirection? direction)
    {
        var query = Parse(text);

        Assert.Equal(new TopClause(count, direction), query.Top);
        Assert.Equal([new SelectColumn(new IdentifiedPath("e"))], query.Select.Columns);
    }
}
