using System.Text.Json.Nodes;

namespace Fkj.Cdr.Server.Tests.Query;

/// <summary>An EHR of the data set: created with the EHR_STATUS file, or without a body when there is none.</summary>
public sealed record AqlDatasetEhr(string Key, string? Status);

/// <summary>
/// A composition of the data set: committed from <see cref="File"/> (canonical JSON, or FLAT with its template id),
/// then updated from each of <see cref="Updates"/>, then deleted if <see cref="Delete"/>. An item with
/// <see cref="ExpectedStatus"/> must be refused with that status, for <see cref="Reason"/>; it is not data.
/// </summary>
public sealed record AqlDatasetComposition(
    string Key, string Ehr, string File, bool Flat, string? TemplateId, IReadOnlyList<string> Updates, bool Delete,
    int? ExpectedStatus, string? Reason)
{
    public int Versions => 1 + Updates.Count;
}

/// <summary>A directory: the FOLDER file, and which composition each "${NAME}" item id stands for.</summary>
public sealed record AqlDatasetFolder(string Ehr, string File, IReadOnlyDictionary<string, string> Items);

/// <summary>
/// Query/Cases/dataset.yaml: what the AQL expected-result cases run against, in load order. Paths are relative
/// to <see cref="FixturesFolder"/> below the shared fixtures.
/// </summary>
public sealed class AqlDatasetManifest
{
    private AqlDatasetManifest(string fixturesFolder, List<string> templates, List<AqlDatasetEhr> ehrs,
        List<AqlDatasetComposition> compositions, List<AqlDatasetFolder> folders)
    {
        FixturesFolder = fixturesFolder;
        Templates = templates;
        Ehrs = ehrs;
        Compositions = compositions;
        Folders = folders;
    }

    public string FixturesFolder { get; }

    public IReadOnlyList<string> Templates { get; }

    public IReadOnlyList<AqlDatasetEhr> Ehrs { get; }

    public IReadOnlyList<AqlDatasetComposition> Compositions { get; }

    public IReadOnlyList<AqlDatasetFolder> Folders { get; }

    /// <summary>The folder of this repository that holds dataset.yaml and the case files.</summary>
    public static string CasesFolder => Ehr.EhrServerFixture.RepositoryPath("tests", "Fkj.Cdr.Server.Tests", "Query", "Cases");

    private static readonly Lazy<AqlDatasetManifest> Loaded = new(() => Read(Path.Combine(CasesFolder, "dataset.yaml")));

    public static AqlDatasetManifest Load() => Loaded.Value;

    /// <summary>A file named in the manifest, as a full path.</summary>
    public string FullPath(string relative) => Fixtures.Path([.. FixturesFolder.Split('/'), .. relative.Split('/')]);

    private static AqlDatasetManifest Read(string path)
    {
        var root = (JsonObject)AqlDatasetYaml.Read(path)!;
        var templates = root["templates"]!.AsArray().Select(t => (string)t!).ToList();
        var ehrs = root["ehrs"]!.AsArray().Select(e => new AqlDatasetEhr((string)e!["key"]!, (string?)e["status"])).ToList();
        var compositions = root["compositions"]!.AsArray().Select(c => new AqlDatasetComposition(
            (string)c!["key"]!, (string)c["ehr"]!, (string)c["file"]!,
            (string?)c["format"] == "flat", (string?)c["template_id"],
            c["updates"]?.AsArray().Select(u => (string)u!).ToList() ?? [],
            (bool?)c["delete"] ?? false,
            (int?)(long?)c["expect"]?["status"], (string?)c["expect"]?["reason"])).ToList();
        var folders = (root["folders"]?.AsArray() ?? []).Select(f => new AqlDatasetFolder(
            (string)f!["ehr"]!, (string)f["file"]!,
            f["items"]?.AsObject().ToDictionary(i => i.Key, i => (string)i.Value!) ?? new Dictionary<string, string>())).ToList();
        return new AqlDatasetManifest((string)root["fixtures"]!, templates, ehrs, compositions, folders);
    }
}
