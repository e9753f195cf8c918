using Fkj.Cdr.Aql.Compilation;
using Fkj.Cdr.Aql.Planning;
using Fkj.Cdr.Aql.Semantics;

namespace Fkj.Cdr.Aql.Tests.Compilation;

/// <summary>
/// The compiler's SQL where its shape matters: values never in the text, every scan held to the tenant, the paths
/// found through the catalogue; and the plan's binding of each path. Results are tested end to end in the server tests.
/// </summary>
public sealed class SqlCompilerTests
{
    private const string Systolic = "o/data[at0001]/events[at0006]/data[at0003]/items[at0004]/value/magnitude";
    private const string From = "FROM EHR e[ehr_id/value = $ehr] CONTAINS COMPOSITION c CONTAINS OBSERVATION o[openEHR-EHR-OBSERVATION.blood_pressure.v2]";

    private static CompiledQuery Compile(string q) => AqlCompiler.CompileUncached(q, TestCatalogue.VitalSigns);

    [Fact]
    public void LiteralsAndIdsArePassedAsParametersNeverWritten()
    {
        var compiled = Compile($"SELECT {Systolic} {From} WHERE {Systolic} > 147.25 AND c/name/value = 'Sekret' AND {Systolic} MATCHES {{1, 2}} ORDER BY {Systolic} DESC LIMIT 7");
        Assert.DoesNotContain("147.25", compiled.Sql);
        Assert.DoesNotContain("Sekret", compiled.Sql);
        Assert.DoesNotContain("blood_pressure", compiled.Sql);
        Assert.DoesNotContain("at0004", compiled.Sql);
        Assert.DoesNotContain("LIMIT 7", compiled.Sql);
        var constants = compiled.Parameters.Where(p => p.Source == ParameterSource.Constant).Select(p => p.Constant).ToList();
        Assert.Contains(147.25, constants);
        Assert.Contains("Sekret", constants);
        Assert.Equal(7, compiled.QueryLimit);
        Assert.Contains("ehr", compiled.ParameterNames);
    }

    [Fact]
    public void EveryTableReadIsHeldToTheTenant()
    {
        var compiled = Compile($"SELECT c, {Systolic}, e/ehr_id/value {From}");
        foreach (var table in new[] { "leaf_value l", "ehr e", "object_version d" })
        {
            var at = 0;
            while ((at = compiled.Sql.IndexOf(table, at, StringComparison.Ordinal)) >= 0)
            {
                var window = compiled.Sql.Substring(at, Math.Min(400, compiled.Sql.Length - at));
                Assert.Contains("tenant_id = @tenant", window);
                at += table.Length;
            }
        }
        Assert.Single(compiled.Parameters, p => p.Source == ParameterSource.Tenant);
    }

    [Fact]
    public void PathsBindToTheirIndexColumnsAndCataloguedIds()
    {
        var plan = Compile($"SELECT {Systolic}, o/data[at0001]/events[at0006]/data[at0003]/items[at0004]/value/units, c/context/start_time/value, " +
                           $"o/protocol[at0011]/items[at0013]/value/defining_code/code_string, o/data[at0001]/events[at0006], c/name/value {From}").Plan;
        var sources = plan.Columns.Select(c => c.Source!).ToList();
        Assert.Equal((SourceKind.Leaf, LeafColumn.Num), (sources[0].Kind, sources[0].Column));
        Assert.Equal([5], sources[0].Matches.Select(m => m.PathId));
        Assert.Equal(LeafColumn.Term, sources[1].Column);
        Assert.Equal((LeafColumn.Num, NumMeaning.Instant), (sources[2].Column, sources[2].Meaning));
        Assert.Equal([2], sources[2].Matches.Select(m => m.PathId));
        Assert.Equal(LeafColumn.Text, sources[3].Column);
        Assert.Equal(SourceKind.Node, sources[4].Kind);
        Assert.Equal([4, 5, 6], sources[4].Matches.Select(m => m.PathId).Order());
        Assert.All(sources[4].Matches, m => Assert.Equal(3, m.AnchorDepth));
        Assert.Equal(SourceKind.Self, sources[5].Kind);
        // The composition is found through its category alone; the observation through every path below it.
        Assert.Equal([1], plan.Variables.Single(v => v.Name == "c").Instances.Select(i => i.PathId));
        Assert.Equal([3, 4, 5, 6, 8], plan.Variables.Single(v => v.Name == "o").Instances.Select(i => i.PathId).Order());
    }

    [Theory]
    [InlineData("SELECT o/data[at0001]/events[at0006]/magnitude " + From, 38, "'magnitude' is not an attribute")]
    [InlineData("SELECT c/contents " + From, 10, "'contents' is not an attribute of COMPOSITION")]
    [InlineData("SELECT x FROM COMPOSITON x", 15, "'COMPOSITON' is not an RM class")]
    [InlineData("SELECT c FROM EHR e CONTAINS OBSERVATION o CONTAINS COMPOSITION c", 53, "cannot be contained")]
    [InlineData("SELECT o/data[at0001]/events[at0006]/data[at0003]/items[at0004]/value/magnitude FROM COMPOSITION c NOT CONTAINS OBSERVATION o", 8, "NOT CONTAINS")]
    [InlineData("SELECT " + Systolic + " " + From + " WHERE " + Systolic + " > 'high'", 1, "not a number")]
    public void ImpossibleQueriesAreRefusedAtTheirPlace(string q, int column, string message)
    {
        var e = Assert.Throws<AqlSemanticException>(() => Compile(q));
        Assert.Contains(message, e.Message);
        if (column > 1) Assert.Equal(column, e.Span.Column);
        Assert.False(e.Unsupported);
    }

    [Fact]
    public void APathWithoutDataYetIsValidAndFindsNothing()
    {
        var compiled = Compile("SELECT o/data[at0001]/events[at0006]/data[at0003]/items[at9999]/value/magnitude " + From);
        var source = compiled.Plan.Columns[0].Source!;
        Assert.Empty(source.Matches);
        Assert.Equal(LeafColumn.Num, source.Column);
    }

    [Fact]
    public void CompiledQueriesAreCachedByTextAndCatalogueVersion()
    {
        var compiler = new AqlCompiler();
        var q = $"SELECT {Systolic} {From}";
        var first = compiler.Compile(q, TestCatalogue.VitalSigns);
        Assert.Same(first, compiler.Compile(q, TestCatalogue.VitalSigns));
        var grown = new PathCatalogue(TestCatalogue.VitalSigns.Paths, TestCatalogue.VitalSigns.Version + 1);
        Assert.NotSame(first, compiler.Compile(q, grown));
    }

    [Theory]
    [InlineData("abc", "abc")]
    [InlineData("a*b?", "a%b_")]
    [InlineData("50%_\\*", "50\\%\\_*")]
    [InlineData("what\\?", "what?")]
    public void LikePatternsBecomeSqlPatterns(string aql, string sql) => Assert.Equal(sql, ValueConversions.LikePattern(aql));

    [Theory]
    [InlineData("2024-01-01", 1704067200)]
    [InlineData("2024-01-01T01:00:00+01:00", 1704067200)]
    [InlineData("20240101T000000Z", 1704067200)]
    [InlineData("2024-01-01T00:00:00.5Z", 1704067200.5)]
    public void DatesBecomeEpochSecondsAsTheIndexStoresThem(string text, double seconds) => Assert.Equal(seconds, ValueConversions.EpochSeconds(text));
}
