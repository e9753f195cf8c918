using Fkj.Cdr.Aql.Compilation;
using Fkj.Cdr.Aql.Planning;
using Fkj.Cdr.Aql.Semantics;
using Fkj.Cdr.Aql.Syntax;
using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Aql.Tests.Compilation;

/// <summary>
/// What the compiler does with what only the documents hold: values compared, sorted and aggregated in SQL through
/// <c>aql_node</c> and SQL/JSON paths bound as parameters; names and standard predicates in FROM and in paths;
/// folders; functions with their signatures; archetype ids given as parameters; paths no template allows. What these
/// queries return over real data is tested end to end by the expected-result cases (server tests).
/// </summary>
public sealed class DocumentValueCompilationTests
{
    private const string From = "FROM EHR e CONTAINS COMPOSITION c CONTAINS OBSERVATION o[openEHR-EHR-OBSERVATION.blood_pressure.v2]";
    private const string Systolic = "o/data[at0001]/events[at0006]/data[at0003]/items[at0004]/value/magnitude";

    private static CompiledQuery Compile(string q, IPathCatalogue? catalogue = null) => AqlCompiler.CompileUncached(q, catalogue ?? TestCatalogue.VitalSigns);

    private static List<object?> Constants(CompiledQuery compiled) =>
        compiled.Parameters.Where(p => p.Source == ParameterSource.Constant).Select(p => p.Constant).ToList();

    [Fact]
    public void ValuesOnlyTheDocumentHoldsAreReadInSqlWithTheirPathAsAParameter()
    {
        var compiled = Compile($"SELECT c/uid/value {From} WHERE c/composer/name = 'Dr Who' AND o/name/value LIKE 'Blood*' ORDER BY c/context/location");
        Assert.Contains("jsonb_path_query_first", compiled.Sql);
        // The observation is below the root: its node is found by its pre-order numbers.
        Assert.Contains("aql_node(d1.document, f.v2_p)", compiled.Sql);
        foreach (var text in new[] { "Dr Who", "composer", "Blood", "location" })
        {
            Assert.DoesNotContain(text, compiled.Sql);
        }
        var constants = Constants(compiled);
        Assert.Contains("$.\"composer\".\"name\"", constants);
        Assert.Contains("$.\"name\".\"value\"", constants);
        Assert.Contains("$.\"context\".\"location\"", constants);
        Assert.Contains("Dr Who", constants);
    }

    [Fact]
    public void AnObjectOfTheDocumentIsNotComparedButMayExist()
    {
        var e = Assert.Throws<AqlSemanticException>(() => Compile($"SELECT c/uid/value {From} WHERE c/composer = 'x'"));
        Assert.False(e.Unsupported);
        var compiled = Compile($"SELECT c/uid/value {From} WHERE EXISTS c/composer/external_ref");
        Assert.Contains("IS NOT NULL", compiled.Sql);
    }

    [Fact]
    public void NamesInFromAreFiltersOnTheInstanceWithTheNameAsAParameter()
    {
        var compiled = Compile("SELECT el/value/magnitude FROM EHR e CONTAINS OBSERVATION o[openEHR-EHR-OBSERVATION.blood_pressure.v2] CONTAINS ELEMENT el[at0004, 'Systolic']");
        var el = compiled.Plan.Variables.Single(v => v.Name == "el");
        Assert.Equal("at0004", el.ArchetypeId);
        var filter = Assert.Single(el.Filters);
        Assert.Equal(["name", "value"], filter.Path.Select(p => p.Attribute));
        Assert.DoesNotContain("Systolic", compiled.Sql);
        Assert.Contains("Systolic", Constants(compiled));

        var standard = Compile("SELECT o/uid/value FROM EHR e CONTAINS OBSERVATION o[archetype_node_id = 'openEHR-EHR-OBSERVATION.blood_pressure.v2' and name/value = $name]");
        var o = standard.Plan.Variables.Single(v => v.Name == "o");
        Assert.Equal("openEHR-EHR-OBSERVATION.blood_pressure.v2", o.ArchetypeId);
        Assert.Single(o.Filters);
        Assert.Contains("name", standard.ParameterNames);
    }

    [Fact]
    public void ANameInAPathIsCheckedAtItsStepsDepth()
    {
        var compiled = Compile($"SELECT o/data[at0001]/events[at0006]/data[at0003]/items[at0004, 'Systolic']/value/magnitude {From}");
        var source = compiled.Plan.Columns[0].Source!;
        var (depth, name) = Assert.Single(source.NamedSteps);
        Assert.Equal(5, depth); // observation 1, history 2, event 3, tree 4, element 5
        Assert.Equal("Systolic", ((StringLiteral)name).Value);
        Assert.Contains("substring(l.ancestors from 1 for 10)", compiled.Sql);
        Assert.DoesNotContain("Systolic", compiled.Sql);
    }

    [Fact]
    public void FoldersAreFoundInTheDirectoryAndContainTheCompositionsTheyReferTo()
    {
        var compiled = Compile("SELECT f/name/value, c/uid/value FROM EHR e CONTAINS FOLDER f[openEHR-EHR-FOLDER.generic.v1, 'root'] CONTAINS COMPOSITION c");
        Assert.Contains("aql_folders(fo.document)", compiled.Sql);
        Assert.Contains("= ANY(r", compiled.Sql);
        Assert.DoesNotContain("openEHR-EHR-FOLDER", compiled.Sql);
        Assert.Contains("openEHR-EHR-FOLDER.generic.v1", Constants(compiled));
        Assert.Equal(VariableKind.Folder, compiled.Plan.Variables.Single(v => v.Name == "f").Kind);

        var e = Assert.Throws<AqlSemanticException>(() => Compile("SELECT o/uid/value FROM FOLDER f CONTAINS OBSERVATION o"));
        Assert.True(e.Unsupported);
        Assert.Throws<AqlSemanticException>(() => Compile("SELECT f/name/value FROM EHR e CONTAINS COMPOSITION c CONTAINS FOLDER f"));
    }

    [Theory]
    [InlineData("SELECT SHOUT(c/name/value) " + From, "is not a function")]
    [InlineData("SELECT SUBSTRING(c/name/value) " + From, "takes 2 or 3 arguments, not 1")]
    [InlineData("SELECT LENGTH(c/name/value, 2) " + From, "takes 1 argument, not 2")]
    [InlineData("SELECT LENGTH(" + Systolic + ") " + From, "takes a text as argument 1")]
    [InlineData("SELECT ABS(c/name/value) " + From, "takes a number as argument 1")]
    [InlineData("SELECT TOP 3 c/name/value " + From + " LIMIT 3", "TOP and LIMIT")]
    public void WrongFunctionCallsAndTopWithLimitAreInvalid(string q, string message)
    {
        var e = Assert.Throws<AqlSemanticException>(() => Compile(q));
        Assert.Contains(message, e.Message);
        Assert.False(e.Unsupported);
        Assert.True(e.Span.Column > 1);
    }

    [Fact]
    public void FunctionsAreSqlWithTheirLiteralsAsParameters()
    {
        var compiled = Compile($"SELECT SUBSTRING(c/composer/name, 2, 3), ROUND({Systolic}, 1), CURRENT_DATE() {From} " +
                               "WHERE CONTAINS(c/name/value, 'Vital') = true AND c/context/start_time/value < NOW() AND LENGTH(c/composer/name) > 4");
        Assert.Contains("substr(", compiled.Sql);
        Assert.Contains("round(", compiled.Sql);
        Assert.Contains("strpos(", compiled.Sql);
        // Compared with a date-time, NOW() is an instant as the index stores them.
        Assert.Contains("< extract(epoch from current_timestamp)", compiled.Sql);
        Assert.DoesNotContain("Vital", compiled.Sql);
        Assert.Contains(4.0, Constants(compiled));
        Assert.Equal(OutputKind.Expression, compiled.Plan.Columns[0].Kind);
    }

    [Fact]
    public void DescendingOrderPutsNullFirst()
    {
        var compiled = Compile($"SELECT {Systolic} {From} ORDER BY {Systolic} DESC, c/context/start_time/value");
        Assert.Contains(".num DESC, ", compiled.Sql);
        Assert.DoesNotContain("NULLS", compiled.Sql);
    }

    [Fact]
    public void ArchetypeIdsGivenAsParametersArePlannedWithTheirValues()
    {
        var compiler = new AqlCompiler();
        var q = "SELECT o/uid/value FROM EHR e CONTAINS OBSERVATION o[$archetype]";
        var bp = compiler.Compile(q, TestCatalogue.VitalSigns, name => name == "archetype" ? "openEHR-EHR-OBSERVATION.blood_pressure.v2" : null);
        var pulse = compiler.Compile(q, TestCatalogue.VitalSigns, name => name == "archetype" ? "openEHR-EHR-OBSERVATION.pulse.v2" : null);
        Assert.Equal("openEHR-EHR-OBSERVATION.blood_pressure.v2", bp.Plan.Variables[1].ArchetypeId);
        Assert.Equal("openEHR-EHR-OBSERVATION.pulse.v2", pulse.Plan.Variables[1].ArchetypeId);
        Assert.Same(bp, compiler.Compile(q, TestCatalogue.VitalSigns, _ => "openEHR-EHR-OBSERVATION.blood_pressure.v2"));
        var missing = Assert.Throws<AqlParameterMissingException>(() => compiler.Compile(q, TestCatalogue.VitalSigns, _ => null));
        Assert.Equal("archetype", missing.Name);
        Assert.Equal(54, missing.Span.Column);
    }

    private sealed class Templates(bool? answer) : ITemplateConstraints
    {
        public int Asked { get; private set; }

        public bool? Allows(RmType type, string nodeId, IReadOnlyList<PathPart> parts)
        {
            Asked++;
            return answer;
        }
    }

    private sealed class WithTemplates(IPathCatalogue paths, ITemplateConstraints templates) : IPathCatalogue
    {
        public long Version => paths.Version;

        public IReadOnlyList<CataloguedPath> Paths => paths.Paths;

        public ITemplateConstraints Templates => templates;
    }

    [Fact]
    public void APathNoTemplateAllowsIsRefusedAndOnlyPathsWithoutDataAreChecked()
    {
        var noData = "SELECT o/data[at0001]/events[at0006]/data[at0003]/items[at9999]/value/magnitude " + From;
        var refusing = new Templates(false);
        var e = Assert.Throws<AqlSemanticException>(() => Compile(noData, new WithTemplates(TestCatalogue.VitalSigns, refusing)));
        Assert.Contains("No registered template has", e.Message);
        Assert.False(e.Unsupported);

        // No template knows the archetype: nothing can be said, and the plan (checked against these templates) is not cached.
        var compiler = new AqlCompiler();
        var unknown = new WithTemplates(TestCatalogue.VitalSigns, new Templates(null));
        var first = compiler.Compile(noData, unknown);
        Assert.True(first.Plan.ConsultedTemplates);
        Assert.NotSame(first, compiler.Compile(noData, unknown));

        // A path with data is not checked at all.
        var asked = new Templates(false);
        Compile($"SELECT {Systolic} {From}", new WithTemplates(TestCatalogue.VitalSigns, asked));
        Assert.Equal(0, asked.Asked);
    }

    [Theory]
    [InlineData("a", "$.\"a\"")]
    [InlineData("a\"b", "$.\"a\\\"b\"")]
    public void JsonPathsQuoteTheirNames(string attribute, string path) => Assert.Equal(path, JsonPaths.Of([new PathPart(attribute)]));

    [Fact]
    public void JsonPathsFilterNodesByIdAndName() =>
        Assert.Equal("$.\"items\"[*] ? (@.\"archetype_node_id\" == \"at0004\" && @.\"name\".\"value\" == \"Systolic\").\"value\"",
            JsonPaths.Of([new PathPart("items", new NodePredicate("at0004", new StringLiteral("Systolic"))), new PathPart("value")]));

    [Fact]
    public void AStandardPredicateOnAVersionFiltersAllVersionsByItsColumns()
    {
        var compiled = Compile("SELECT v/uid/value FROM EHR e CONTAINS VERSION v[commit_audit/time_committed/value > '2024-01-01T00:00:00Z'] CONTAINS COMPOSITION c");
        var v = compiled.Plan.Variables.Single(x => x.Name == "v");
        Assert.False(v.LatestOnly);
        Assert.Single(v.Filters);
        Assert.Contains("JOIN contribution oc", compiled.Sql);
        Assert.DoesNotContain("latest_version", compiled.Sql[..compiled.Sql.IndexOf("JOIN contribution oc", StringComparison.Ordinal)]);
        Assert.Contains(1704067200.0, Constants(compiled));
        var e = Assert.Throws<AqlSemanticException>(() => Compile("SELECT v/uid/value FROM EHR e CONTAINS VERSION v[commit_audit/colour = 'x']"));
        Assert.False(e.Unsupported);
    }
}
