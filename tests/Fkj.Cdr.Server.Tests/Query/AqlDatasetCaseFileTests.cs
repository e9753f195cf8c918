using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Fkj.Cdr.Aql.Parsing;
using Xunit.Abstractions;

namespace Fkj.Cdr.Server.Tests.Query;

/// <summary>
/// The AQL expected-result cases (Query/Cases/*.yaml) checked without a server: their form, their bindings against
/// the manifest, their coverage, and that every query the server must answer parses with our parser (and every
/// query marked as a syntax error does not).
/// </summary>
public sealed partial class AqlDatasetCaseFileTests
{
    /// <summary>The areas issue 6 asks the cases to cover, with the fewest cases each must have.</summary>
    public static readonly Dictionary<string, int> Areas = new()
    {
        ["from_contains"] = 25, ["select"] = 20, ["where_operators"] = 30, ["order_by"] = 12, ["aggregates"] = 12, ["functions"] = 20,
        ["versions"] = 10, ["parameters"] = 10, ["limit_offset"] = 10, ["folders"] = 12, ["ehr"] = 8, ["errors"] = 15,
    };

    private readonly ITestOutputHelper _output;

    public AqlDatasetCaseFileTests(ITestOutputHelper output) => _output = output;

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var c in AqlDatasetCases.All) data.Add(c.Id);
        return data;
    }

    [Fact]
    public void CasesCoverEveryArea()
    {
        var byArea = AqlDatasetCases.All.GroupBy(c => c.Area).ToDictionary(g => g.Key, g => g.Count());
        foreach (var (area, count) in byArea.OrderBy(a => a.Key, StringComparer.Ordinal)) _output.WriteLine($"{area,-16} {count,4}");
        _output.WriteLine($"{"total",-16} {AqlDatasetCases.All.Count,4}");
        Assert.True(AqlDatasetCases.All.Count >= 220, $"{AqlDatasetCases.All.Count} cases");
        Assert.All(Areas, a => Assert.True(byArea.GetValueOrDefault(a.Key) >= a.Value, $"{a.Key}: {byArea.GetValueOrDefault(a.Key)} cases, want {a.Value}"));
        Assert.Empty(byArea.Keys.Except(Areas.Keys));
        Assert.Equal(AqlDatasetCases.All.Count, AqlDatasetCases.All.Select(c => c.Id).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void CaseIsWellFormed(string id)
    {
        var c = AqlDatasetCases.Get(id);
        Assert.Equal(Path.GetFileNameWithoutExtension(c.File), c.Area);
        Assert.Matches($"^{c.Area}\\.[0-9]{{3}}$", c.Id);
        Assert.False(string.IsNullOrWhiteSpace(c.Title));
        Assert.False(string.IsNullOrWhiteSpace(c.Derivation));
        var e = c.Expected;
        if (e.Status == 200)
        {
            Assert.Null(e.Invalid);
            Assert.NotNull(e.Columns);
            Assert.NotNull(e.Rows);
            Assert.All(e.Columns!, name => Assert.Matches("^(#[0-9]+|[A-Za-z_][A-Za-z0-9_]*)$", name));
            Assert.All(e.Rows!, row => Assert.Equal(e.Columns!.Count, row!.AsArray().Count));
            // Row order is asserted only where the query fixes it.
            if (e.Ordered) Assert.Matches(OrderBy(), c.Aql);
            Assert.All(e.Rows!.SelectMany(r => r!.AsArray()), CellIsWellFormed);
        }
        else
        {
            Assert.Equal(400, e.Status);
            Assert.Contains(e.Invalid, new[] { "syntax", "semantic", "parameter" });
            Assert.Null(e.Rows);
        }
        if (c.Request is { } request)
        {
            Assert.All(request, p => Assert.Contains(p.Key, new[] { "offset", "fetch" }));
        }
    }

    /// <summary>A cell is a JSON value, an RM object with _type, or a fixture reference whose file and pointer exist.</summary>
    private static void CellIsWellFormed(JsonNode? cell)
    {
        if (cell is not JsonObject o) return;
        if (o["$fixture"] is { } file)
        {
            var json = JsonNode.Parse(File.ReadAllText(AqlDatasetManifest.Load().FullPath((string)file!)));
            Assert.NotNull(AqlDatasetResults.AtPointer(json, (string?)o["$pointer"] ?? ""));
            return;
        }
        Assert.NotNull(o["_type"]);
    }

    [Fact]
    public void EveryBindingNamesSomethingTheManifestLoads()
    {
        var manifest = AqlDatasetManifest.Load();
        var ehrs = manifest.Ehrs.Select(e => e.Key).ToHashSet();
        var compositions = manifest.Compositions.Where(c => c.ExpectedStatus is null).ToDictionary(c => c.Key);
        var problems = new List<string>();
        foreach (var c in AqlDatasetCases.All)
        {
            foreach (var name in AqlDatasetCases.BindingsIn(c))
            {
                var m = BindingName().Match(name);
                var ok = m.Success && m.Groups["kind"].Value switch
                {
                    "system_id" => m.Groups["key"].Value == "",
                    "ehr" => ehrs.Contains(m.Groups["key"].Value),
                    "composition" or "version" => compositions.TryGetValue(m.Groups["key"].Value, out var comp)
                        && !comp.Delete && (!m.Groups["n"].Success || int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture) <= comp.Versions),
                    _ => false,
                };
                if (!ok) problems.Add($"{c.Id}: ${{{name}}}");
            }
        }
        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void QueryParsesUnlessItIsASyntaxError(string id)
    {
        var c = AqlDatasetCases.Get(id);
        // Bindings stand for ids, so any id-shaped text shows whether the query parses.
        var text = AqlDatasetCases.BindingPattern().Replace(c.Aql, "01a201a2-6ae1-7771-a0c8-57dbe1c5d788");
        if (c.Expected.Invalid == "syntax")
        {
            var error = Assert.Throws<AqlParseException>(() => AqlParser.Parse(text));
            _output.WriteLine(error.Message);
        }
        else
        {
            var ok = AqlParser.TryParse(text, out _, out var error);
            Assert.True(ok, $"{c.Id} should parse: {error}\n{text}");
        }
    }

    [GeneratedRegex(@"\bORDER\s+BY\b", RegexOptions.IgnoreCase)]
    private static partial Regex OrderBy();

    [GeneratedRegex(@"^(?<kind>[a-z_]+)(:(?<key>[A-Za-z0-9_]+)(@(?<n>[0-9]+))?)?$")]
    private static partial Regex BindingName();
}
