using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.Codecs.Json;

/// <summary>The canonical JSON codec (openEHR ITS-JSON): decode to and encode from RM objects.</summary>
public static class CanonicalJson
{
    private static readonly JsonWriterOptions CompactOptions = new()
    {
        // Output is application/json, never embedded in HTML, so non-ASCII text stays readable UTF-8.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private static readonly JsonWriterOptions IndentedOptions = CompactOptions with { Indented = true };

    /// <summary>Decodes a document whose root must be of <paramref name="expected"/> (or any RM type when null).</summary>
    /// <exception cref="RmFormatException">The document is not valid canonical JSON for the RM.</exception>
    public static RmObject Decode(ReadOnlySpan<byte> utf8, RmType? expected = null)
    {
        if (utf8.StartsWith("\uFEFF"u8)) utf8 = utf8[3..];
        return new CanonicalJsonDecoder(utf8).Decode(expected);
    }

    public static T Decode<T>(ReadOnlySpan<byte> utf8) where T : RmObject =>
        (T)Decode(utf8, RmModel.Of<T>());

    public static void Encode(IBufferWriter<byte> output, RmObject value, bool indented = false)
    {
        using var writer = new Utf8JsonWriter(output, indented ? IndentedOptions : CompactOptions);
        CanonicalJsonEncoder.Write(writer, value);
    }

    /// <summary>Writes into a caller's writer, e.g. to embed RM objects in a larger response.</summary>
    public static void Encode(Utf8JsonWriter writer, RmObject value) => CanonicalJsonEncoder.Write(writer, value);

    public static byte[] Encode(RmObject value, bool indented = false)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        Encode(buffer, value, indented);
        return buffer.WrittenSpan.ToArray();
    }
}
