using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Fkj.Cdr.Rm.Codecs.Json;
using Fkj.Cdr.Rm.Content;

namespace Fkj.Cdr.Benchmarks.Codecs;

/// <summary>
/// The canonical JSON codec on one vital-signs composition, against System.Text.Json doing the least
/// it can with the same bytes: <see cref="JsonDocument.Parse(ReadOnlyMemory{byte}, JsonDocumentOptions)"/>
/// for reading and <see cref="JsonDocument.WriteTo"/> for writing. Ratios are against the parse.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class CanonicalJsonBenchmarks
{
    private byte[] json = [];
    private Composition composition = null!;
    private JsonDocument document = null!;
    private readonly ArrayBufferWriter<byte> output = new(64 * 1024);

    // The codec's own writer settings, so that both writers escape (or not) the same characters.
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    [GlobalSetup]
    public void Setup()
    {
        json = TestData.VitalSigns();
        composition = CanonicalJson.Decode<Composition>(json);
        document = JsonDocument.Parse(json);

        // Fail fast, not with a misleading table, if encoding loses anything: the output must decode
        // again and re-encode to the same bytes.
        var encoded = CanonicalJson.Encode(composition);
        var again = CanonicalJson.Encode(CanonicalJson.Decode<Composition>(encoded));
        if (!encoded.AsSpan().SequenceEqual(again))
            throw new InvalidOperationException("The vital-signs composition does not round-trip through the codec");
    }

    [GlobalCleanup]
    public void Cleanup() => document.Dispose();

    [Benchmark(Baseline = true)]
    public int JsonDocumentParse()
    {
        using var parsed = JsonDocument.Parse(json);
        return (int)parsed.RootElement.ValueKind;
    }

    [Benchmark]
    public Composition Decode() => CanonicalJson.Decode<Composition>(json);

    [Benchmark]
    public int JsonDocumentWriteTo()
    {
        output.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(output, WriterOptions))
            document.WriteTo(writer);
        return output.WrittenCount;
    }

    [Benchmark]
    public int Encode()
    {
        output.ResetWrittenCount();
        CanonicalJson.Encode(output, composition);
        return output.WrittenCount;
    }
}
