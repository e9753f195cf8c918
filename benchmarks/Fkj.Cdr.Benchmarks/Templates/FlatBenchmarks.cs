using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Fkj.Cdr.Rm.Codecs.Json;
using Fkj.Cdr.Rm.Content;
using Fkj.Cdr.Templates.Flat;
using Fkj.Cdr.Templates.Opt.Parsing;
using Fkj.Cdr.Templates.Validation;
using Fkj.Cdr.Templates.WebTemplates;

namespace Fkj.Cdr.Benchmarks.Templates;

/// <summary>
/// FLAT conversion of the vital-signs composition with its template (fkj.vital_signs_news2.v1): the canonical
/// document (benchmarks/Fkj.Cdr.Benchmarks/Data/vital-signs.json) is encoded to FLAT once in setup, then decoding those FLAT bytes into a COMPOSITION is measured
/// against <see cref="JsonDocument.Parse(ReadOnlyMemory{byte}, JsonDocumentOptions)"/> of the same bytes, with the
/// canonical JSON decode of the same composition for comparison; and encoding the composition back to FLAT. The web template and its FLAT lookup tables are built in setup, as the
/// server builds them once per template.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class FlatBenchmarks
{
    private static readonly FlatDecodeOptions Options = new() { Now = new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero) };

    private byte[] flat = [];
    private byte[] canonicalJson = [];
    private WebTemplate webTemplate = null!;
    private Composition composition = null!;
    private readonly ArrayBufferWriter<byte> output = new(64 * 1024);

    [GlobalSetup]
    public void Setup()
    {
        var template = OptParser.Parse(File.ReadAllBytes(Repository("templates", "fkj.vital_signs_news2.v1.opt")));
        webTemplate = WebTemplateBuilder.Build(template);
        var canonical = CanonicalJson.Decode<Composition>(TestData.VitalSigns());
        flat = FlatComposition.Encode(canonical, webTemplate);
        canonicalJson = CanonicalJson.Encode(canonical);

        // The FLAT is a fixed point (decoding and encoding it again gives the same bytes), and what it decodes to
        // validates. (It carries all of the composition but PARTY_REF.type, DV_QUANTITY.property: FLAT has no keys for them.)
        composition = FlatComposition.Decode(flat, webTemplate, Options);
        if (!FlatComposition.Encode(composition, webTemplate).AsSpan().SequenceEqual(flat))
            throw new InvalidOperationException("The vital-signs FLAT does not read back unchanged");
        var result = TemplateValidator.Compile(template).Validate(composition);
        if (!result.IsValid) throw new InvalidOperationException($"The decoded composition does not validate:{Environment.NewLine}{result}");
        Console.WriteLine($"// FLAT: {flat.Length} bytes, {CountKeys(flat)} keys");
    }

    [Benchmark(Baseline = true)]
    public int JsonDocumentParse()
    {
        using var parsed = JsonDocument.Parse(flat);
        return (int)parsed.RootElement.ValueKind;
    }

    [Benchmark]
    public Composition Decode() => FlatComposition.Decode(flat, webTemplate, Options);

    /// <summary>For comparison: the same composition decoded from canonical JSON (compact, as the codec writes it).</summary>
    [Benchmark]
    public Composition CanonicalDecode() => CanonicalJson.Decode<Composition>(canonicalJson);

    [Benchmark]
    public int Encode()
    {
        output.ResetWrittenCount();
        FlatComposition.Encode(output, composition, webTemplate);
        return output.WrittenCount;
    }

    private static int CountKeys(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().Count();
    }

    /// <summary>A path from the repository root (found above the benchmark binaries).</summary>
    private static string Repository(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Fkj.Cdr.sln"))) return Path.Combine([dir.FullName, .. parts]);
        throw new DirectoryNotFoundException("Fkj.Cdr.sln not found above the benchmark binaries");
    }
}
