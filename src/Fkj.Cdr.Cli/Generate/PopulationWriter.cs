using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Fkj.Cdr.Cli.Synthetic;
using Fkj.Cdr.Cli.VitalSigns;
using Fkj.Cdr.Rm.Codecs.Json;
using Fkj.Cdr.Rm.Content;
using Fkj.Cdr.Templates.Flat;

namespace Fkj.Cdr.Cli.Generate;

/// <summary>
/// Writes a population to files: <c>ehrs/{n}.json</c>, <c>compositions/{n}/{k}.json</c>, and last
/// <c>manifest.json</c> (so a directory without a manifest is an unfinished run). Compositions are canonical JSON,
/// or FLAT along the template's web template. The EHR_STATUS files are canonical JSON in both cases. EHRs are written on
/// several threads, each with its own reused buffer; every file depends only on the seed and its EHR,
/// so the bytes are the same whatever the thread count or order. Every composition is validated
/// against the template before it is written: a composition that does not validate is a bug here, and
/// stops the run.
/// </summary>
public sealed class PopulationWriter(GenerateOptions options)
{
    public const string ManifestFile = "manifest.json";
    public const string EhrsFolder = "ehrs";
    public const string CompositionsFolder = "compositions";

    private static readonly JsonWriterOptions ManifestJson = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public PopulationStatistics Write()
    {
        PrepareDirectory();
        var ehrs = Path.Combine(options.Out, EhrsFolder);
        var compositions = Path.Combine(options.Out, CompositionsFolder);
        Directory.CreateDirectory(ehrs);
        Directory.CreateDirectory(compositions);

        var validator = ShippedTemplate.Validator;
        var webTemplate = options.Format == CompositionFormat.Flat ? ShippedTemplate.WebTemplate : null;
        var subjects = PopulationModel.Subjects(options.Seed, options.Ehrs);
        var total = new PopulationStatistics();
        Parallel.For(
            1, options.Ehrs + 1,
            new ParallelOptions { MaxDegreeOfParallelism = options.Threads },
            () => (Buffer: new ArrayBufferWriter<byte>(64 * 1024), Statistics: new PopulationStatistics()),
            (n, _, local) =>
            {
                var subject = subjects[n - 1];
                var buffer = local.Buffer;
                buffer.ResetWrittenCount();
                CanonicalJson.Encode(buffer, PopulationModel.EhrStatus(subject));
                File.WriteAllBytes(Path.Combine(ehrs, Name(n)), buffer.WrittenSpan);

                var folder = Path.Combine(compositions, n.ToString(CultureInfo.InvariantCulture));
                Directory.CreateDirectory(folder);
                var (_, occasions) = PopulationModel.Ehr(options.Seed, n, subject, options.CompositionsPerEhr);
                for (var k = 1; k <= occasions.Count; k++)
                {
                    var occasion = occasions[k - 1];
                    var composition = VitalSignsComposition.Build(occasion);
                    Validate(validator, composition, n, k);
                    buffer.ResetWrittenCount();
                    if (webTemplate is null) CanonicalJson.Encode(buffer, composition);
                    else FlatComposition.Encode(buffer, composition, webTemplate);
                    File.WriteAllBytes(Path.Combine(folder, Name(k)), buffer.WrittenSpan);
                    local.Statistics.Add(occasion, buffer.WrittenCount);
                }

                return local;
            },
            local =>
            {
                lock (total) total.Add(local.Statistics);
            });

        WriteManifest(total);
        return total;
    }

    private static string Name(int n) => n.ToString(CultureInfo.InvariantCulture) + ".json";

    private static void Validate(Templates.Validation.TemplateValidator validator, Composition composition, int n, int k)
    {
        var result = validator.Validate(composition);
        if (!result.IsValid)
            throw new InvalidOperationException($"generated composition {n}/{k} does not validate against {validator.TemplateId} (a generator bug):{Environment.NewLine}{result}");
    }

    /// <summary>The output directory must be new or empty; with --force, an earlier run's files are removed (and nothing else).</summary>
    private void PrepareDirectory()
    {
        var dir = options.Out;
        if (File.Exists(dir)) throw new UsageException($"--out {dir} is a file, not a directory");
        if (!Directory.Exists(dir))
        {
            Directory.CreateDirectory(dir);
            return;
        }

        if (options.Force)
        {
            File.Delete(Path.Combine(dir, ManifestFile));
            foreach (var folder in (string[])[EhrsFolder, CompositionsFolder])
            {
                var path = Path.Combine(dir, folder);
                if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
            }
        }
        else if (Directory.EnumerateFileSystemEntries(dir).Any())
        {
            throw new UsageException($"--out {dir} is not empty; give a new or empty directory, or --force to replace an earlier run's files there");
        }
    }

    private void WriteManifest(PopulationStatistics s)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, ManifestJson))
        {
            w.WriteStartObject();
            w.WriteString("generator", "fkj generate (Fkj.Cdr.Cli)");
            w.WriteString("generator_version", PopulationModel.GeneratorVersion);
            w.WriteNumber("seed", options.Seed);
            w.WriteNumber("ehrs", options.Ehrs);
            w.WriteNumber("compositions_per_ehr", options.CompositionsPerEhr);
            w.WriteNumber("compositions", s.Compositions);
            w.WriteString("format", options.Format == CompositionFormat.Canonical ? "canonical" : "flat");
            w.WriteString("media_type", options.Format == CompositionFormat.Canonical ? "application/json" : "application/openehr.wt.flat+json");
            w.WriteString("template_id", VitalSignsComposition.TemplateId);
            w.WriteString("template_sha256", ShippedTemplate.Sha256);
            w.WriteString("timeline_end", PopulationModel.TimelineEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteString("subject_namespace", Subject.Namespace);
            w.WriteString("subject_id_scheme", Subject.Scheme);
            w.WriteStartObject("layout");
            w.WriteString("ehrs", "ehrs/{n}.json: the EHR_STATUS of EHR n (1..ehrs) to create it with");
            w.WriteString("compositions", "compositions/{n}/{k}.json: composition k (1..compositions_per_ehr, in time order) of EHR n");
            w.WriteEndObject();
            w.WriteStartObject("statistics");
            w.WriteNumber("composition_bytes", s.Bytes);
            w.WriteStartObject("risk");
            w.WriteNumber("low", s.Risk[0]);
            w.WriteNumber("low_medium", s.Risk[1]);
            w.WriteNumber("medium", s.Risk[2]);
            w.WriteNumber("high", s.Risk[3]);
            w.WriteEndObject();
            w.WriteStartArray("news2_total_histogram");
            var last = Array.FindLastIndex(s.TotalScores, c => c > 0);
            for (var i = 0; i <= last; i++) w.WriteNumberValue(s.TotalScores[i]);
            w.WriteEndArray();
            w.WriteNumber("on_oxygen", s.OnOxygen);
            w.WriteNumber("spo2_scale_2", s.Scale2);
            w.WriteNumber("not_alert", s.NotAlert);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        buffer.Write("\n"u8);
        File.WriteAllBytes(Path.Combine(options.Out, ManifestFile), buffer.WrittenSpan);
    }
}
