using System.Text.Json.Nodes;

namespace Fkj.Cdr.Server.Tests.Query;

/// <summary>
/// Query/Cases/pending.yaml: the cases the engine does not answer yet, each with a one-line reason (a map from case
/// id to reason). <see cref="AqlCaseRunnerTests"/> checks that each of them still fails.
/// </summary>
public static class AqlPendingCases
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Loaded = new(Load);

    public static IReadOnlyDictionary<string, string> All => Loaded.Value;

    private static IReadOnlyDictionary<string, string> Load()
    {
        var path = Path.Combine(AqlDatasetManifest.CasesFolder, "pending.yaml");
        if (AqlDatasetYaml.Read(path) is not JsonObject map) return new Dictionary<string, string>();
        return map.ToDictionary(p => p.Key, p => (string?)p.Value ?? "", StringComparer.Ordinal);
    }
}
