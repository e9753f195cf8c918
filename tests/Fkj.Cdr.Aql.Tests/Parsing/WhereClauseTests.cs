using Fkj.Cdr.Aql.Syntax;
using static Fkj.Cdr.Aql.Tests.Support.Aql;

namespace Fkj.Cdr.Aql.Tests.Parsing;

/// <summary>WHERE: comparisons, LIKE, MATCHES, EXISTS, NULL, NOT, AND, OR and parentheses.</summary>
public class WhereClauseTests
{
    private static readonly IdentifiedPath X = Path("o", Part("x"));
    private static readonly IdentifiedPath Y = Path("o", Part("y"));

    private static ComparisonCondition Eq(IdentifiedPath path, long value) => new(path, ComparisonOperator.Equal, new IntegerLiteral(value));

    [Theory]
    [InlineData("=", ComparisonOperator.Equal)]
    [InlineData("!=", ComparisonOperator.NotEqual)]
    [InlineData(">", ComparisonOperator.GreaterThan)]
    [InlineData(">=", ComparisonOperator.GreaterThanOrEqual)]
    [InlineData("<", ComparisonOperator.LessThan)]
    [InlineData("<=", ComparisonOperator.LessThanOrEqual)]
    public void Comparison_operators(string symbol, ComparisonOperator op)
    {
        Assert.Equal(new ComparisonCondition(X, op, new RealLiteral(140.5)), Where($"o/x{symbol}140.5"));
        Assert.Equal(new ComparisonCondition(X, op, new ParameterRef("p")), Where($"o/x {symbol} $p"));
        Assert.Equal(symbol, op.Symbol());
    }

    [Fact]
    public void The_right_side_may_be_a_path_a_parameter_a_literal_or_a_function()
    {
        Assert.Equal(new ComparisonCondition(X, ComparisonOperator.GreaterThan, Y), Where("o/x > o/y"));
        Assert.Equal(new ComparisonCondition(X, ComparisonOperator.Equal, new ParameterRef("value", ParameterStyle.Colon)), Where("o/x = :value"));
        Assert.Equal(new ComparisonCondition(X, ComparisonOperator.LessThan, new FunctionCall("CURRENT_DATE_TIME", [])), Where("o/x < CURRENT_DATE_TIME()"));
        Assert.Equal(new ComparisonCondition(X, ComparisonOperator.Equal, new NullLiteral()), Where("o/x = NULL"));
        Assert.Equal(new ComparisonCondition(X, ComparisonOperator.NotEqual, new NullLiteral()), Where("o/x != null"));
    }

    [Fact]
    public void A_function_call_may_be_on_the_left()
    {
        Assert.Equal(
            new ComparisonCondition(new FunctionCall("LENGTH", [Path("o", Part("name"), Part("value"))]), ComparisonOperator.GreaterThan, new IntegerLiteral(3)),
            Where("LENGTH(o/name/value) > 3"));
        Assert.Equal(
            new ComparisonCondition(new FunctionCall("CONTAINS", [X, new StringLiteral("pain")]), ComparisonOperator.Equal, new BooleanLiteral(true)),
            Where("CONTAINS(o/x, 'pain') = true"));
    }

    [Fact]
    public void Not_binds_tighter_than_and_which_binds_tighter_than_or()
    {
        var condition = Where("o/x = 1 OR NOT o/y = 2 AND o/x = 3 OR o/y = 4");

        Assert.Equal(
            new OrCondition([Eq(X, 1), new AndCondition([new NotCondition(Eq(Y, 2)), Eq(X, 3)]), Eq(Y, 4)]),
            condition);
    }

    [Fact]
    public void Parentheses_group_and_leave_no_node()
    {
        Assert.Equal(
            new AndCondition([new OrCondition([Eq(X, 1), Eq(Y, 2)]), Eq(X, 3)]),
            Where("(o/x = 1 OR o/y = 2) AND ((o/x = 3))"));
        Assert.Equal(
            new NotCondition(new AndCondition([Eq(X, 1), Eq(Y, 2)])),
            Where("NOT (o/x = 1 AND o/y = 2)"));
        Assert.Equal(
            new AndCondition([Eq(X, 1), new AndCondition([Eq(Y, 2), Eq(X, 3)])]),
            Where("o/x = 1 AND (o/y = 2 AND o/x = 3)"));
    }

    [Fact]
    public void A_long_chain_is_one_node()
    {
        var condition = Where(string.Join(" AND ", Enumerable.Range(0, 1000).Select(i => $"o/x != {i}")));

        Assert.Equal(1000, Assert.IsType<AndCondition>(condition).Operands.Count);
    }

    [Fact]
    public void Like_with_wildcards_escapes_and_parameters()
    {
        Assert.Equal(new LikeCondition(X, new LikePattern("Blood*pres?ure")), Where("o/x LIKE 'Blood*pres?ure'"));
        Assert.Equal(new LikeCondition(X, new LikePattern(@"what\?")), Where(@"o/x like 'what\?'"));
        Assert.Equal(new LikeCondition(X, new LikePattern(@"100\*")), Where(@"o/x LIKE ""100\*"""));
        Assert.Equal(new LikeCondition(X, new LikePattern(@"C:\\*")), Where(@"o/x LIKE 'C:\\*'"));
        Assert.Equal(new LikeCondition(X, new LikePattern(@"a\*b")), Where(@"o/x LIKE 'a\u002Ab'"));
        Assert.Equal(new LikeCondition(X, new LikePattern("it's")), Where(@"o/x LIKE 'it\'s'"));
        Assert.Equal(new LikeCondition(X, new ParameterRef("pattern")), Where("o/x LIKE $pattern"));
    }

    [Fact]
    public void Like_and_matches_need_a_path_on_the_left()
    {
        var error = Error("SELECT o FROM EHR e CONTAINS OBSERVATION o WHERE LENGTH(o/x) LIKE 'a*'");

        Assert.Equal(62, error.Column);
        Assert.Equal(["a comparison operator", "IS"], error.Expected);
    }

    [Fact]
    public void Matches_a_value_list()
    {
        Assert.Equal(
            new MatchesCondition(X, new ValueList(
            [
                new StringLiteral("18919-1"), new IntegerLiteral(2), new RealLiteral(-3.5), new StringLiteral("2024-01-01"),
                new BooleanLiteral(false), new ParameterRef("code"),
                new TerminologyCall("expand", "hl7.org/fhir/4.0", "http://snomed.info/sct?fhir_vs=isa/50697003"),
            ])),
            Where("o/x matches {'18919-1', 2, -3.5, \"2024-01-01\", false, $code, TERMINOLOGY('expand', 'hl7.org/fhir/4.0', 'http://snomed.info/sct?fhir_vs=isa/50697003')}"));
    }

    [Fact]
    public void Matches_a_terminology_call_a_uri_or_a_parameter()
    {
        Assert.Equal(
            new MatchesCondition(X, new TerminologyCall("expand", "hl7.org/fhir/4.0", "http://snomed.info/sct?fhir_vs=isa/73211009")),
            Where("o/x MATCHES TERMINOLOGY('expand', 'hl7.org/fhir/4.0', 'http://snomed.info/sct?fhir_vs=isa/73211009')"));
        Assert.Equal(
            new MatchesCondition(Path("o", Part("data"), Part("items", "at0002.1"), Part("value"), Part("defining_code")), new UriLiteral("terminology://snomed-ct/hierarchy?rootConceptId=50043002")),
            Where("o/data/items[at0002.1]/value/defining_code matches { terminology://snomed-ct/hierarchy?rootConceptId=50043002 }"));
        Assert.Equal(new MatchesCondition(X, new ParameterRef("codes")), Where("o/x MATCHES $codes"));
    }

    [Fact]
    public void Exists_and_not_exists()
    {
        var content = Path("o", Part("protocol", "at0011"));
        Assert.Equal(new ExistsCondition(content), Where("EXISTS o/protocol[at0011]"));
        Assert.Equal(new NotCondition(new ExistsCondition(content)), Where("NOT EXISTS o/protocol[at0011]"));
        Assert.Equal(new NotCondition(new NotCondition(new ExistsCondition(content))), Where("not not exists o/protocol[at0011]"));
    }

    [Fact]
    public void Is_null_and_is_not_null()
    {
        Assert.Equal(new NullCondition(X), Where("o/x IS NULL"));
        Assert.Equal(new NullCondition(X, Negated: true), Where("o/x is not null"));
        Assert.Equal(new NullCondition(new FunctionCall("ABS", [X])), Where("ABS(o/x) IS NULL"));
    }

    [Theory]
    [InlineData("o/x", "expected one of '[', '/', a comparison operator, LIKE, MATCHES, IS; found end of query")]
    [InlineData("o/x =", "expected one of a path, a literal, a parameter, a function call; found end of query")]
    [InlineData("o/x IS", "expected one of NULL, NOT; found end of query")]
    [InlineData("o/x LIKE 1", "expected one of a string, a parameter; found '1'")]
    [InlineData("o/x MATCHES 'a'", "expected one of a parameter, '{', TERMINOLOGY; found 'a'")]
    [InlineData("o/x MATCHES {}", "expected one of a literal, a parameter, a URI, TERMINOLOGY; found '}'")]
    [InlineData("(o/x = 1", "expected one of AND, OR, ')'; found end of query")]
    [InlineData("COUNT(o/x) > 1", "expected one of a path, a function call, EXISTS, NOT, '('; found 'COUNT'")]
    public void Incomplete_conditions_say_what_was_expected(string condition, string message)
    {
        Assert.Equal(message, Error($"SELECT o FROM EHR e CONTAINS OBSERVATION o WHERE {condition}").Message);
    }
}
