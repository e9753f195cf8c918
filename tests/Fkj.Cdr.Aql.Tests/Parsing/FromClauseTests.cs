using Fkj.Cdr.Aql.Syntax;
using static Fkj.Cdr.Aql.Tests.Support.Aql;

namespace Fkj.Cdr.Aql.Tests.Parsing;

/// <summary>FROM: class expressions, their predicates, CONTAINS with AND, OR, NOT and parentheses, VERSION.</summary>
public class FromClauseTests
{
    private static ContainsExpression From(string from) => Parse($"SELECT 1 FROM {from}").From.Contains;

    private static Containment Class(string type, string? variable = null, PathPredicate? predicate = null) =>
        new(new ClassExpression(type, variable, predicate));

    [Fact]
    public void A_class_expression_with_a_standard_predicate_and_no_variable()
    {
        Assert.Equal(
            Class("EHR", null, new ComparisonPredicate(Object("ehr_id", "value"), ComparisonOperator.Equal, new ParameterRef("ehrId"))),
            From("EHR[ehr_id/value=$ehrId]"));
    }

    [Fact]
    public void Archetype_node_and_parameter_predicates()
    {
        var contains = From("""
            EHR e [ehr_id/value = '7d44b88c-4199-4bad-97dc-d78268e01398']
              CONTAINS COMPOSITION c[openEHR-EHR-COMPOSITION.encounter.v1]
                CONTAINS SECTION s[$section]
                  CONTAINS CLUSTER cl[at0001]
            """);

        Assert.Equal(
            new Containment(
                new ClassExpression("EHR", "e", new ComparisonPredicate(Object("ehr_id", "value"), ComparisonOperator.Equal, new StringLiteral("7d44b88c-4199-4bad-97dc-d78268e01398"))),
                new Containment(
                    new ClassExpression("COMPOSITION", "c", new NodePredicate("openEHR-EHR-COMPOSITION.encounter.v1")),
                    new Containment(
                        new ClassExpression("SECTION", "s", new ParameterPredicate(new ParameterRef("section"))),
                        Class("CLUSTER", "cl", new NodePredicate("at0001"))))),
            contains);
    }

    [Theory]
    [InlineData("EHR")]
    [InlineData("COMPOSITION")]
    [InlineData("OBSERVATION")]
    [InlineData("EVALUATION")]
    [InlineData("INSTRUCTION")]
    [InlineData("ACTION")]
    [InlineData("ADMIN_ENTRY")]
    [InlineData("GENERIC_ENTRY")]
    [InlineData("CLUSTER")]
    [InlineData("ELEMENT")]
    [InlineData("SECTION")]
    [InlineData("EVENT_CONTEXT")]
    [InlineData("FOLDER")]
    [InlineData("EHR_STATUS")]
    [InlineData("Composition")]
    public void Any_rm_type_name_is_a_class(string type)
    {
        Assert.Equal(Class(type, "x"), From($"{type} x"));
    }

    [Fact]
    public void What_follows_contains_extends_as_far_as_it_can()
    {
        // c CONTAINS (o AND ev), as in the grammar: the operand of CONTAINS is a whole containsExpr.
        Assert.Equal(
            new Containment(new ClassExpression("COMPOSITION", "c"), new ContainsAnd([Class("OBSERVATION", "o"), Class("EVALUATION", "ev")])),
            From("COMPOSITION c CONTAINS OBSERVATION o AND EVALUATION ev"));

        Assert.Equal(
            new ContainsAnd([new Containment(new ClassExpression("COMPOSITION", "c"), Class("OBSERVATION", "o")), Class("EVALUATION", "ev")]),
            From("(COMPOSITION c CONTAINS OBSERVATION o) AND EVALUATION ev"));
    }

    [Fact]
    public void And_binds_tighter_than_or_and_parentheses_group()
    {
        var contains = From("EHR e CONTAINS COMPOSITION c CONTAINS (OBSERVATION o1 AND OBSERVATION o2 OR (EVALUATION ev OR ACTION a) AND INSTRUCTION i)");

        var inner = new ContainsOr(
        [
            new ContainsAnd([Class("OBSERVATION", "o1"), Class("OBSERVATION", "o2")]),
            new ContainsAnd([new ContainsOr([Class("EVALUATION", "ev"), Class("ACTION", "a")]), Class("INSTRUCTION", "i")]),
        ]);
        Assert.Equal(
            new Containment(new ClassExpression("EHR", "e"), new Containment(new ClassExpression("COMPOSITION", "c"), inner)),
            contains);
    }

    [Fact]
    public void Chains_of_and_are_one_node()
    {
        var contains = From("EHR e CONTAINS (CLUSTER a AND CLUSTER b AND CLUSTER c AND CLUSTER d)");

        var and = Assert.IsType<ContainsAnd>(((Containment)contains).Contained);
        Assert.Equal(4, and.Operands.Count);
    }

    [Fact]
    public void Not_contains()
    {
        Assert.Equal(
            new Containment(
                new ClassExpression("EHR", "e"),
                new Containment(new ClassExpression("COMPOSITION", "c"), Class("OBSERVATION", "o", new NodePredicate("openEHR-EHR-OBSERVATION.blood_pressure.v2")), Negated: true)),
            From("EHR e CONTAINS COMPOSITION c NOT CONTAINS OBSERVATION o[openEHR-EHR-OBSERVATION.blood_pressure.v2]"));
    }

    [Fact]
    public void Version_latest_all_and_standard_predicates()
    {
        Assert.Equal(
            new Containment(new ClassExpression("VERSION", "v", new LatestVersionPredicate()), Class("COMPOSITION", "c")),
            From("VERSION v[LATEST_VERSION] CONTAINS COMPOSITION c"));
        Assert.Equal(Class("VERSION", "v", new AllVersionsPredicate()), From("version v[all_versions]"));
        Assert.Equal(
            Class("VERSION", "v", new ComparisonPredicate(Object("commit_audit", "time_committed"), ComparisonOperator.GreaterThanOrEqual, new StringLiteral("2024-01-01T00:00:00Z"))),
            From("VERSION v[commit_audit/time_committed >= '2024-01-01T00:00:00Z']"));
        Assert.Equal(Class("VERSION", "v"), From("VERSION v"));
        Assert.Equal(Class("VERSION"), From("VERSION"));
        Assert.True(((Containment)From("VERSION v")).Class.IsVersion);
    }

    [Fact]
    public void Latest_version_is_only_for_version()
    {
        var error = Error("SELECT c FROM COMPOSITION c[LATEST_VERSION]");

        Assert.Equal((1, 29), (error.Line, error.Column));
    }

    [Fact]
    public void Archetype_ids_with_namespace_specialisation_and_full_version()
    {
        var contains = From("COMPOSITION c[org.openehr::openEHR-EHR-COMPOSITION.report-lab.v1.0.2-rc.3] CONTAINS CLUSTER x[openEHR-EHR-CLUSTER.device.v1, 'Blood pressure cuff']");

        Assert.Equal(
            new Containment(
                new ClassExpression("COMPOSITION", "c", new NodePredicate("org.openehr::openEHR-EHR-COMPOSITION.report-lab.v1.0.2-rc.3")),
                Class("CLUSTER", "x", new NodePredicate("openEHR-EHR-CLUSTER.device.v1", new StringLiteral("Blood pressure cuff")))),
            contains);
        Assert.Equal(NodeIdKind.ArchetypeId, ((NodePredicate)((Containment)contains).Class.Predicate!).Kind);
    }

    [Fact]
    public void Contains_needs_a_class_after_it()
    {
        var error = Error("SELECT e FROM EHR e CONTAINS");

        Assert.Equal(["VERSION", "an RM type", "'('"], error.Expected);
        Assert.Equal("expected one of VERSION, an RM type, '('; found end of query", error.Message);
    }
}
