using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Fkj.Cdr.Server.Tests.Query;

/// <summary>What a case expects: a status, and for 200 the columns and rows (in order when <see cref="Ordered"/>).</summary>
public sealed record AqlCaseExpected(int Status, string? Invalid, IReadOnlyList<string>? Columns, bool Ordered, JsonArray? Rows);

/// <summary>One expected-result case of Query/Cases/*.yaml (the format is described in Query/Cases/README.md).</summary>
public sealed record AqlCase(
    string File, string Id, string Area, string Title, string Aql, JsonObject? Parameters, JsonObject? Request,
    AqlCaseExpected Expected, string Derivation)
{
    public override string ToString() => Id;
}

/// <summary>The cases of Query/Cases/*.yaml (every file but dataset.yaml and pending.yaml), in file and then case order.</summary>
public static partial class AqlDatasetCases
{
    private static readonly Lazy<IReadOnlyList<AqlCase>> Loaded = new(Load);

    public static IReadOnlyList<AqlCase> All => Loaded.Value;

    public static AqlCase Get(string id) => All.Single(c => c.Id == id);

    /// <summary>Every ${...} binding a case uses (in its AQL, parameters and expected rows).</summary>
    public static IEnumerable<string> BindingsIn(AqlCase c)
    {
        var texts = new List<string> { c.Aql };
        if (c.Parameters is not null) texts.Add(c.Parameters.ToJsonString());
        if (c.Expected.Rows is not null) texts.Add(c.Expected.Rows.ToJsonString());
        return texts.SelectMany(t => BindingPattern().Matches(t).Select(m => m.Groups[1].Value));
    }

    [GeneratedRegex(@"\$\{([^}]*)\}")]
    public static partial Regex BindingPattern();

    private static IReadOnlyList<AqlCase> Load()
    {
        var list = new List<AqlCase>();
        foreach (var path in Directory.EnumerateFiles(AqlDatasetManifest.CasesFolder, "*.yaml").Order(StringComparer.Ordinal))
        {
            var file = Path.GetFileName(path);
            if (file is "dataset.yaml" or "pending.yaml") continue;
            foreach (var node in AqlDatasetYaml.Read(path)!.AsArray())
            {
                var c = node!.AsObject();
                var e = c["expected"]!.AsObject();
                var expected = new AqlCaseExpected(
                    (int?)(long?)e["status"] ?? 200, (string?)e["invalid"],
                    e["columns"]?.AsArray().Select(x => (string)x!).ToList(),
                    (bool?)e["ordered"] ?? false,
                    e["rows"]?.AsArray());
                list.Add(new AqlCase(file, (string)c["id"]!, (string)c["area"]!, (string)c["title"]!, (string)c["aql"]!,
                    c["parameters"]?.AsObject(), c["request"]?.AsObject(), expected, (string)c["derivation"]!));
            }
        }
        return list;
    }
}
