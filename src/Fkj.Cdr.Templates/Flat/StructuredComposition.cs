using System.Buffers;
using Fkj.Cdr.Rm.Codecs;
using Fkj.Cdr.Rm.Content;
using Fkj.Cdr.Templates.WebTemplates;

namespace Fkj.Cdr.Templates.Flat;

/// <summary>
/// The STRUCTURED format (<c>application/openehr.wt.structured+json</c>): the FLAT paths as nested JSON, each
/// node an array of its occurrences, suffixes as <c>|code</c> keys, a plain value beside suffixes as
/// <c>|value</c>, as the openEHR SDK writes it. Decoding turns it into FLAT keys and decodes those.
/// </summary>
public static class StructuredComposition
{
    /// <exception cref="RmFormatException">Every problem, each with the FLAT key of the offending value as path.</exception>
    public static Composition Decode(ReadOnlySpan<byte> structuredJson, WebTemplate webTemplate, FlatDecodeOptions? options = null)
        => FlatDecoding.Decode(structuredJson, webTemplate, options, structured: true);

    public static byte[] Encode(Composition composition, WebTemplate webTemplate, bool indented = false)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        Encode(buffer, composition, webTemplate, indented);
        return buffer.WrittenSpan.ToArray();
    }

    public static void Encode(IBufferWriter<byte> output, Composition composition, WebTemplate webTemplate, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(composition);
        var sink = new StructuredSink();
        new FlatEncoder(FlatSchema.Of(webTemplate), sink).Encode(composition);
        sink.WriteTo(output, indented);
    }
}
