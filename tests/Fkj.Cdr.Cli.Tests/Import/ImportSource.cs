using System.Text.Json;
using System.Text.Json.Nodes;
using Fkj.Cdr.Cli.Generate;
using Fkj.Cdr.Cli.Import;
using Fkj.Cdr.Cli.Tests.Support;
using Fkj.Cdr.Testing;

namespace Fkj.Cdr.Cli.Tests.Import;

/// <summary>
/// A small generated population to import (seed 1), in a temporary directory: <see cref="Ehrs"/> EHRs of
/// <see cref="PerEhr"/> compositions, one of which (<see cref="Broken"/>) is changed so that it no longer conforms to the
/// template (a pulse rate per hour where the template allows /min).
/// </summary>
public sealed class ImportSource : IDisposable
{
    public const int Ehrs = 5;
    public const int PerEhr = 4;
    public const string Broken = "compositions/2/3.json";

    private readonly TempDirectory _directory = new("fkj-import-src");

    public ImportSource(int ehrs = Ehrs, int perEhr = PerEhr, bool breakOne = true, CompositionFormat format = CompositionFormat.Canonical)
    {
        new PopulationWriter(new GenerateOptions { Ehrs = ehrs, CompositionsPerEhr = perEhr, Seed = 1, Out = _directory.Path, Format = format }).Write();
        if (breakOne)
        {
            var path = File(Broken);
            var text = System.IO.File.ReadAllText(path);
            var at = text.IndexOf("\"units\":\"/min\"", StringComparison.Ordinal);
            Assert.True(at > 0, "the composition has a rate per minute to break");
            System.IO.File.WriteAllText(path, text[..at] + "\"units\":\"/h\"" + text[(at + "\"units\":\"/min\"".Length)..]);
        }
        EhrCount = ehrs;
        CompositionsPerEhr = perEhr;
        IsBroken = breakOne;
    }

    /// <summary>Whether <see cref="Broken"/> was made invalid.</summary>
    public bool IsBroken { get; }

    public string Path => _directory.Path;

    public int EhrCount { get; }

    public int CompositionsPerEhr { get; }

    public string File(string relative) => System.IO.Path.Combine(Path, relative);

    /// <summary>The subject (id, namespace) of EHR n, read from its file.</summary>
    public (string Id, string Namespace) Subject(int n)
    {
        using var json = JsonDocument.Parse(System.IO.File.ReadAllBytes(File(PopulationSource.EhrFile(n))));
        var reference = json.RootElement.GetProperty("subject").GetProperty("external_ref");
        return (reference.GetProperty("id").GetProperty("value").GetString()!, reference.GetProperty("namespace").GetString()!);
    }

    /// <summary>Every composition file that conforms, as (n, relative path).</summary>
    public IEnumerable<(int N, string File)> ValidCompositions()
    {
        for (var n = 1; n <= EhrCount; n++)
        for (var k = 1; k <= CompositionsPerEhr; k++)
        {
            var file = PopulationSource.CompositionFile(n, k);
            if (!IsBroken || file != Broken) yield return (n, file);
        }
    }

    /// <summary>The systolic pressure in a composition file, or null when it has none (read from the JSON, not through the RM).</summary>
    public double? Systolic(string relative)
    {
        var json = CompositionJson.Parse(System.IO.File.ReadAllBytes(File(relative)));
        if (json.Observation("openEHR-EHR-OBSERVATION.blood_pressure.v2") is null) return null;
        return CompositionJson.Value(json.EventItems("openEHR-EHR-OBSERVATION.blood_pressure.v2"), "at0004")?.GetProperty("magnitude").GetDouble();
    }

    /// <summary>The file's JSON without its root uid (which the server sets).</summary>
    public static JsonElement WithoutUid(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node.Remove("uid");
        return JsonDocument.Parse(node.ToJsonString()).RootElement.Clone();
    }

    public void Dispose() => _directory.Dispose();
}
