using System.Globalization;
using System.Text.Json;
using Fkj.Cdr.Cli.Generate;

namespace Fkj.Cdr.Cli.Import;

/// <summary>
/// A directory that <c>fkj generate</c> wrote, as its manifest describes it: <c>ehrs/{n}.json</c> (n = 1..Ehrs) and
/// <c>compositions/{n}/{k}.json</c> (k = 1..CompositionsPerEhr), canonical JSON or FLAT. The manifest is written
/// last, so a directory without one is an unfinished run and is refused.
/// </summary>
public sealed class PopulationSource
{
    private PopulationSource(string root, int ehrs, int compositionsPerEhr, CompositionFormat format, string templateId, string? templateSha256)
    {
        Root = root;
        Ehrs = ehrs;
        CompositionsPerEhr = compositionsPerEhr;
        Format = format;
        TemplateId = templateId;
        TemplateSha256 = templateSha256;
    }

    public string Root { get; }

    public int Ehrs { get; }

    public int CompositionsPerEhr { get; }

    public long Compositions => (long)Ehrs * CompositionsPerEhr;

    public CompositionFormat Format { get; }

    /// <summary>The template every composition is of (FLAT is read along its web template).</summary>
    public string TemplateId { get; }

    /// <summary>The SHA-256 of the OPT the generator validated against, when the manifest names it.</summary>
    public string? TemplateSha256 { get; }

    /// <summary>Reads DIR/manifest.json.</summary>
    /// <exception cref="UsageException">No such directory, no manifest, or a manifest that does not say what is there.</exception>
    public static PopulationSource Open(string root)
    {
        if (!Directory.Exists(root)) throw new UsageException($"{root} is not a directory");
        var manifest = Path.Combine(root, PopulationWriter.ManifestFile);
        if (!File.Exists(manifest))
            throw new UsageException($"{root} has no {PopulationWriter.ManifestFile}: it is not what 'fkj generate' wrote, or that run did not finish");
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(manifest));
            var m = json.RootElement;
            var format = m.TryGetProperty("format", out var f) ? f.GetString() : "canonical";
            var sha = m.TryGetProperty("template_sha256", out var s) ? s.GetString() : null;
            return new PopulationSource(root, Positive(m, "ehrs"), Positive(m, "compositions_per_ehr"),
                format switch
                {
                    "canonical" => CompositionFormat.Canonical,
                    "flat" => CompositionFormat.Flat,
                    _ => throw new UsageException($"{manifest}: format '{format}' is neither canonical nor flat"),
                },
                m.GetProperty("template_id").GetString() ?? throw new UsageException($"{manifest}: template_id is empty"), sha);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new UsageException($"{manifest} is not a manifest of 'fkj generate': {e.Message}");
        }
    }

    /// <summary>The EHR_STATUS file of EHR n, relative to the root (as problems and audit records name it).</summary>
    public static string EhrFile(int n) => $"{PopulationWriter.EhrsFolder}/{n.ToString(CultureInfo.InvariantCulture)}.json";

    /// <summary>Composition k of EHR n, relative to the root.</summary>
    public static string CompositionFile(int n, int k) =>
        $"{PopulationWriter.CompositionsFolder}/{n.ToString(CultureInfo.InvariantCulture)}/{k.ToString(CultureInfo.InvariantCulture)}.json";

    public string FullPath(string relative) => Path.Combine(Root, relative);

    private static int Positive(JsonElement manifest, string name) =>
        manifest.GetProperty(name).TryGetInt32(out var n) && n > 0 ? n : throw new UsageException($"manifest: {name} must be a positive whole number");
}
