using Fkj.Cdr.Aql.Syntax;
using static Fkj.Cdr.Aql.Tests.Support.Aql;

namespace Fkj.Cdr.Aql.Tests.Parsing;

/// <summary>Identified paths and the predicates inside them.</summary>
public class PathTests
{
    [Fact]
    public void A_path_with_node_predicates_and_a_name()
    {
        var path = Column("o/data[at0001]/events[at0006 and name/value='Any event']/data[at0003]/items[at0004]/value/magnitude");

        Assert.Equal(
            Path("o",
                Part("data", "at0001"),
                Part("events", new AndPredicate(
                [
                    new NodePredicate("at0006"),
                    new ComparisonPredicate(Object("name", "value"), ComparisonOperator.Equal, new StringLiteral("Any event")),
                ])),
                Part("data", "at0003"),
                Part("items", "at0004"),
                Part("value"),
                Part("magnitude")),
            path);
    }

    [Fact]
    public void A_node_is_named_by_a_string_a_parameter_a_code_or_a_term_code()
    {
        static PathPredicate Predicate(string text) =>
            ((IdentifiedPath)Column($"o/items{text}")).Path!.Parts[0].Predicate!;

        Assert.Equal(new NodePredicate("at0001", new StringLiteral("Systolic")), Predicate("[at0001, 'Systolic']"));
        Assert.Equal(new NodePredicate("at0001", new ParameterRef("name")), Predicate("[at0001,$name]"));
        Assert.Equal(new NodePredicate("at0001", new CodeLiteral("at0002")), Predicate("[at0001, at0002]"));
        Assert.Equal(new NodePredicate("id1", new CodeLiteral("id2")), Predicate("[id1, id2]"));
        Assert.Equal(new NodePredicate("at0001", new TermCodeLiteral("local", "at0002")), Predicate("[at0001, local::at0002]"));
        Assert.Equal(
            new NodePredicate("at0001", new TermCodeLiteral("SNOMED-CT", "163020007", "2003", "Heart rate")),
            Predicate("[at0001, SNOMED-CT(2003)::163020007|Heart rate|]"));
        Assert.Equal(
            new NodePredicate("at0001", new TermCodeLiteral("2.16.840.1.113883.6.1", "8867-4")),
            Predicate("[at0001, 2.16.840.1.113883.6.1::8867-4]"));
    }

    [Fact]
    public void Node_codes_may_be_specialised()
    {
        var predicate = (NodePredicate)((IdentifiedPath)Column("o/items[at0.63]")).Path!.Parts[0].Predicate!;

        Assert.Equal("at0.63", predicate.NodeId);
        Assert.Equal(NodeIdKind.AtCode, predicate.Kind);
        Assert.Equal(NodeIdKind.IdCode, new NodePredicate("id1.2").Kind);
    }

    [Fact]
    public void Standard_predicates_compare_with_literals_parameters_codes_and_paths()
    {
        static PathPredicate Predicate(string text) => ((IdentifiedPath)Column($"o{text}")).Predicate!;

        Assert.Equal(new ComparisonPredicate(Object("archetype_node_id"), ComparisonOperator.Equal, new CodeLiteral("at0002")), Predicate("[archetype_node_id=at0002]"));
        Assert.Equal(new ComparisonPredicate(Object("name", "value"), ComparisonOperator.NotEqual, Object("other", "value")), Predicate("[name/value != other/value]"));
        Assert.Equal(new ComparisonPredicate(Object("value"), ComparisonOperator.LessThanOrEqual, new IntegerLiteral(-1)), Predicate("[value <= -1]"));
        Assert.Equal(new ComparisonPredicate(Object("flag"), ComparisonOperator.Equal, new BooleanLiteral(true)), Predicate("[flag = TRUE]"));
    }

    [Fact]
    public void And_binds_tighter_than_or_in_predicates()
    {
        var predicate = ((IdentifiedPath)Column("o[at0001 or at0002 and name/value = $n or $p]")).Predicate;

        Assert.Equal(
            new OrPredicate(
            [
                new NodePredicate("at0001"),
                new AndPredicate([new NodePredicate("at0002"), new ComparisonPredicate(Object("name", "value"), ComparisonOperator.Equal, new ParameterRef("n"))]),
                new ParameterPredicate(new ParameterRef("p")),
            ]),
            predicate);
    }

    [Fact]
    public void A_predicate_on_the_variable_then_a_path()
    {
        Assert.Equal(
            new IdentifiedPath("o",
                new ComparisonPredicate(Object("name", "value"), ComparisonOperator.Equal, new ParameterRef("nameValue")),
                new ObjectPath([new PathPart("data", new NodePredicate("at0001"))])),
            Column("o[name/value=$nameValue]/data[at0001]"));
    }

    [Fact]
    public void A_contained_regular_expression()
    {
        var predicate = ((IdentifiedPath)Column(@"o/items[name/value matches {/^Blood pressure \/ (.*)$/}]")).Path!.Parts[0].Predicate;
        Assert.Equal(new RegexPredicate(Object("name", "value"), @"^Blood pressure \/ (.*)$"), predicate);

        predicate = ((IdentifiedPath)Column("o[name/value MATCHES { /a+/ ; 'aaa' }]")).Predicate;
        Assert.Equal(new RegexPredicate(Object("name", "value"), "a+", "aaa"), predicate);
    }

    [Fact]
    public void Attribute_names_are_identifiers()
    {
        // No RM attribute name is an AQL keyword, so a keyword after '/' is a mistake, reported where it is.
        var error = Error("SELECT o/data/count FROM OBSERVATION o");

        Assert.Equal((15, "expected an attribute name; found 'count'"), (error.Column, error.Message));
    }

    [Fact]
    public void Predicate_paths_start_with_an_identifier()
    {
        var error = Error("SELECT o[true] FROM OBSERVATION o");

        Assert.Equal(["a path", "a parameter", "a node id", "an archetype id"], error.Expected);
        Assert.Equal(10, error.Column);
    }

    [Theory]
    [InlineData("o/", "expected an attribute name; found 'FROM'")]
    [InlineData("o/data[", "expected one of a path, a parameter, a node id, an archetype id; found 'FROM'")]
    [InlineData("o/data[at0001", "expected one of AND, OR, ',', ']'; found 'FROM'")]
    [InlineData("o/data[at0001,", "expected one of a string, a parameter, a node id, a term code; found 'FROM'")]
    [InlineData("o/data[name/value]", "expected one of '[', '/', a comparison operator, MATCHES; found ']'")]
    [InlineData("o/data[name/value matches {'a'}]", "expected a regular expression; found '{'")]
    public void Incomplete_paths_say_what_was_expected(string column, string message)
    {
        Assert.Equal(message, Error($"SELECT {column} FROM OBSERVATION o").Message);
    }
}
