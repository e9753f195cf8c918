using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Fkj.Cdr.Aql.Compilation;
using Fkj.Cdr.Aql.Semantics;

namespace Fkj.Cdr.Benchmarks.Aql;

/// <summary>
/// AQL from text to SQL: the typical per-EHR query of <see cref="AqlParserBenchmarks"/> parsed, analysed against
/// the RM and a path catalogue of the vital-signs composition's leaf paths (the dictionary's rows after one such
/// composition), and compiled to parameterised SQL, without the plan cache (what a query costs the first time);
/// and the cached look-up every later request of the same text pays.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class AqlCompileBenchmarks
{
    private static readonly HashSet<string> Unindexed =
    [
        "name", "uid", "links", "archetype_details", "feeder_audit", "composer", "subject", "language", "territory", "encoding",
        "provider", "other_participations", "participations", "health_care_facility", "workflow_id", "guideline_id", "instruction_details",
    ];

    private PathCatalogue catalogue = null!;
    private readonly AqlCompiler compiler = new();

    [GlobalSetup]
    public void Setup()
    {
        using var document = JsonDocument.Parse(TestData.VitalSigns());
        var paths = new List<CataloguedPath>();
        var root = document.RootElement;
        Walk(root, $"[{root.GetProperty("archetype_node_id").GetString()}]", [root.GetProperty("_type").GetString()!], paths);
        catalogue = new PathCatalogue(paths);
        if (paths.Count < 40) throw new InvalidOperationException($"Only {paths.Count} catalogued paths.");
        var compiled = AqlCompiler.CompileUncached(AqlParserBenchmarks.Query, catalogue);
        if (compiled.Plan.Columns.Any(c => c.Source!.Kind != Fkj.Cdr.Aql.Planning.SourceKind.Self && c.Source.Matches.Count == 0))
        {
            throw new InvalidOperationException("A path of the query matched nothing in the catalogue.");
        }
        compiler.Compile(AqlParserBenchmarks.Query, catalogue);
    }

    [Benchmark]
    public int ParseAndCompile() => AqlCompiler.CompileUncached(AqlParserBenchmarks.Query, catalogue).Sql.Length;

    [Benchmark]
    public int Cached() => compiler.Compile(AqlParserBenchmarks.Query, catalogue).Sql.Length;

    private static void Walk(JsonElement node, string path, List<string> types, List<CataloguedPath> paths)
    {
        foreach (var property in node.EnumerateObject())
        {
            if (Unindexed.Contains(property.Name)) continue;
            var items = property.Value.ValueKind == JsonValueKind.Array ? property.Value.EnumerateArray().ToList() : [property.Value];
            foreach (var item in items)
            {
                if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("_type", out var typeProperty)) continue;
                var type = typeProperty.GetString()!;
                var step = item.TryGetProperty("archetype_node_id", out var id) ? $"/{property.Name}[{id.GetString()}]" : $"/{property.Name}";
                List<string> stepTypes = [.. types, type];
                if (type.StartsWith("DV_", StringComparison.Ordinal))
                {
                    var text = path + step;
                    if (paths.All(p => p.ToString() != text) && CataloguedPath.Parse(paths.Count + 1, text, stepTypes) is { } parsed) paths.Add(parsed);
                }
                else
                {
                    Walk(item, path + step, stepTypes, paths);
                }
            }
        }
    }
}
