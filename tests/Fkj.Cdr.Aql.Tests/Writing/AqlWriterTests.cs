using Fkj.Cdr.Aql.Parsing;
using Fkj.Cdr.Aql.Syntax;
using Fkj.Cdr.Aql.Writing;
using static Fkj.Cdr.Aql.Tests.Support.Aql;

namespace Fkj.Cdr.Aql.Tests.Writing;

/// <summary>The canonical text of a tree, and the round trip tree → text → the same tree.</summary>
public class AqlWriterTests
{
    [Fact]
    public void Canonical_text_upper_case_keywords_single_spaces_single_quotes_needed_parentheses_only()
    {
        var query = Parse("""
            select distinct top 5 forward e/ehr_id/value as id, count(*)
            from ehr e[ehr_id/value="x"] contains (composition c or (composition d contains observation o))
            where not (c/x = 1 or c/y like 'a\?*') and exists c/z
            order by c/t descending limit 10 offset 2
            """);

        Assert.Equal(
            @"SELECT DISTINCT TOP 5 FORWARD e/ehr_id/value AS id, COUNT(*) FROM ehr e[ehr_id/value = 'x'] CONTAINS composition c OR (composition d CONTAINS observation o) WHERE NOT (c/x = 1 OR c/y LIKE 'a\?*') AND EXISTS c/z ORDER BY c/t DESC LIMIT 10 OFFSET 2",
            AqlWriter.Write(query));
    }

    [Fact]
    public void Strings_are_escaped()
    {
        var column = new SelectColumn(new StringLiteral("it's \\ a\nb\tc\u0001 æ\"x\u007f"));

        Assert.Equal(@"'it\'s \\ a\nb\tc\u0001 æ""x\u007F'", AqlWriter.Write(column));
    }

    [Theory]
    [InlineData(100.0, "100.0")]
    [InlineData(-0.5, "-0.5")]
    [InlineData(1e21, "1E+21")]
    [InlineData(1e-7, "1E-07")]
    [InlineData(0.1, "0.1")]
    public void Reals_stay_reals(double value, string text)
    {
        Assert.Equal(text, AqlWriter.Write(new RealLiteral(value)));
        Assert.Equal(new RealLiteral(value), ((SelectColumn)Parse($"SELECT {text} FROM EHR e").Select.Columns[0]).Expression);
    }

    [Fact]
    public void A_containment_inside_and_or_gets_parentheses()
    {
        var from = new ContainsAnd(
        [
            new Containment(new ClassExpression("COMPOSITION", "c"), new Containment(new ClassExpression("OBSERVATION", "o"))),
            new Containment(new ClassExpression("EVALUATION", "v")),
        ]);

        Assert.Equal("(COMPOSITION c CONTAINS OBSERVATION o) AND EVALUATION v", AqlWriter.Write(from));
    }

    [Fact]
    public void Paths_and_predicates()
    {
        var path = ((IdentifiedPath)Column("o/data[at0001]/events[at0006 and name/value='Any event']/items[at0004, local::at0005|Text|]/value")).Path!;

        Assert.Equal("data[at0001]/events[at0006 AND name/value = 'Any event']/items[at0004, local::at0005|Text|]/value", AqlWriter.Write(path));
        Assert.Equal(AqlWriter.Write(path), path.ToString());
        Assert.Equal(
            "o[name/value MATCHES {/^a\\/b$/; 'x'}]",
            AqlWriter.Write(Column(@"o[name/value matches {/^a\/b$/;""x""}]")));
        Assert.Equal("VERSION v[ALL_VERSIONS]", AqlWriter.Write(Parse("SELECT v FROM VERSION v[all_versions]").From.Contains));
    }

    [Fact]
    public void Like_patterns_keep_their_escapes()
    {
        var like = (LikeCondition)Where(@"o/x LIKE 'a\*b\?c\\d*e?f\'g'");

        Assert.Equal(@"a\*b\?c\\d*e?f'g", ((LikePattern)like.Pattern).Pattern);
        Assert.Equal(@"o/x LIKE 'a\*b\?c\\d*e?f\'g'", AqlWriter.Write(like));
    }

    public static TheoryData<string> Queries => new()
    {
        "SELECT e/ehr_id/value FROM EHR e",
        "SELECT DISTINCT TOP 10 BACKWARD c, c/name/value AS name FROM EHR e CONTAINS COMPOSITION c",
        "SELECT 'a', \"b\", 1, -2, 3.5, -4.5e-3, true, false, null FROM EHR e",
        "SELECT COUNT(*), COUNT(DISTINCT e/ehr_id/value), MIN(o/x), MAX(o/x), SUM(o/x), AVG(o/x) FROM EHR e CONTAINS OBSERVATION o",
        "SELECT LENGTH(o/x), CONTAINS(o/x, 'y'), POSITION('a', o/x), SUBSTRING(o/x, 1, 2), CONCAT(o/x, 'y'), CONCAT_WS('-', o/x, o/y) FROM OBSERVATION o",
        "SELECT ABS(o/x), MOD(o/x, 2), CEIL(o/x), FLOOR(o/x), ROUND(o/x, 1), CURRENT_DATE(), CURRENT_TIME(), CURRENT_DATE_TIME(), NOW(), CURRENT_TIMEZONE() FROM OBSERVATION o",
        "SELECT TERMINOLOGY('expand', 'hl7.org/fhir/4.0', 'http://snomed.info/sct?fhir_vs=isa/50697003') AS codes, my_fn() FROM OBSERVATION o",
        "SELECT o FROM EHR[ehr_id/value=$ehrId] CONTAINS COMPOSITION c[openEHR-EHR-COMPOSITION.encounter.v1] CONTAINS OBSERVATION o[openEHR-EHR-OBSERVATION.blood_pressure.v2]",
        "SELECT o FROM EHR e CONTAINS (COMPOSITION c CONTAINS OBSERVATION o) AND COMPOSITION d NOT CONTAINS (EVALUATION v OR ACTION a AND INSTRUCTION i)",
        "SELECT e FROM EHR e CONTAINS ((CLUSTER a AND CLUSTER b) AND (CLUSTER c OR CLUSTER d OR (CLUSTER f OR CLUSTER g)))",
        "SELECT v FROM VERSION v[LATEST_VERSION] CONTAINS COMPOSITION c",
        "SELECT v FROM VERSION v[commit_audit/time_committed > '2024-01-01T00:00:00Z'] CONTAINS COMPOSITION c",
        "SELECT c FROM VERSION CONTAINS COMPOSITION c[$archetype]",
        "SELECT o/items[at0001, 'a'], o/items[at0001, $n], o/items[at0001, at0002], o/items[id1, SNOMED-CT(2003)::163020007|Heart rate|] FROM OBSERVATION o",
        "SELECT o[name/value = $n or at0001 and archetype_node_id = at0002 or value = other/path]/data FROM OBSERVATION o",
        "SELECT o FROM OBSERVATION o WHERE o/a = 1 AND (o/b != 2 OR o/c > 3) AND NOT o/d >= 4 OR o/e < 5 AND o/f <= 6",
        "SELECT o FROM OBSERVATION o WHERE NOT (NOT (o/a = 1 AND (o/b = 2 AND o/c = 3)) OR (o/d = 4 OR o/e = 5))",
        "SELECT o FROM OBSERVATION o WHERE o/a LIKE 'x*y?z\\*\\?\\\\' AND o/b LIKE $p AND o/c MATCHES {'a', 1, 2.5, $x, TERMINOLOGY('a', 'b', 'c')}",
        "SELECT o FROM OBSERVATION o WHERE o/a MATCHES TERMINOLOGY('a', 'b', 'c') OR o/b MATCHES {terminology://snomed-ct/hierarchy?rootConceptId=50043002} OR o/c matches :list",
        "SELECT o FROM OBSERVATION o WHERE EXISTS o/a AND NOT EXISTS o/b AND o/c IS NULL AND o/d IS NOT NULL AND o/e = NULL",
        "SELECT o FROM OBSERVATION o WHERE LENGTH(o/a) > 3 AND o/b = o/c AND o/d < NOW() AND o/e = :p AND o/f = '2024-01-01'",
        "SELECT o FROM OBSERVATION o WHERE o/items[name/value matches {/^x.*$/}]/value = 1",
        "SELECT o/x AS x FROM OBSERVATION o ORDER BY x DESC, o/y ASC, o/z, o/w DESCENDING, o/v ASCENDING LIMIT 10 OFFSET 20",
        "SELECT c FROM COMPOSITION c[org.openehr::openEHR-EHR-COMPOSITION.report-lab.v1.0.2-rc.3] LIMIT 0",
        "SELECT o FROM OBSERVATION o WHERE o/x = 'it\\'s \"quoted\" \\\\ \\n \\t \\u00e6 \\101'",
        "SELECT o/data[at0001]/events[at0.63]/items[id1.2] FROM OBSERVATION o -- trailing comment",
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public void Writing_and_parsing_again_gives_the_same_tree(string text)
    {
        var query = Parse(text);
        var written = AqlWriter.Write(query);

        Assert.Equal(query, Parse(written));
        Assert.Equal(written, AqlWriter.Write(Parse(written)));
    }

    [Fact]
    public void Every_node_of_a_query_can_be_written_on_its_own()
    {
        var query = Parse("SELECT TOP 1 o/x AS x FROM EHR e CONTAINS OBSERVATION o[at0001] WHERE o/x = 1 ORDER BY x LIMIT 1");

        Assert.Equal("TOP 1", AqlWriter.Write(query.Top!));
        Assert.Equal("o/x AS x", AqlWriter.Write(query.Select.Columns[0]));
        Assert.Equal("FROM EHR e CONTAINS OBSERVATION o[at0001]", AqlWriter.Write(query.From));
        Assert.Equal("WHERE o/x = 1", AqlWriter.Write(query.Where!));
        Assert.Equal("ORDER BY x", AqlWriter.Write(query.OrderBy!));
        Assert.Equal("LIMIT 1", AqlWriter.Write(query.Limit!));
        Assert.Equal("at0001", AqlWriter.Write(((Containment)((Containment)query.From.Contains).Contained!).Class.Predicate!));
    }

    [Fact]
    public void Trees_built_in_code_are_written_too()
    {
        var query = new AqlQuery(
            new SelectClause([new SelectColumn(Path("o", Part("data", "at0001"), Part("value")), "v")]),
            new FromClause(new Containment(new ClassExpression("OBSERVATION", "o", new NodePredicate("openEHR-EHR-OBSERVATION.pulse.v2")))),
            new WhereClause(new ComparisonCondition(Path("o", Part("value")), ComparisonOperator.GreaterThan, new ParameterRef("min"))),
            Limit: new LimitClause(5));

        var text = AqlWriter.Write(query);

        Assert.Equal("SELECT o/data[at0001]/value AS v FROM OBSERVATION o[openEHR-EHR-OBSERVATION.pulse.v2] WHERE o/value > $min LIMIT 5", text);
        Assert.Equal(query, AqlParser.Parse(text));
    }
}
