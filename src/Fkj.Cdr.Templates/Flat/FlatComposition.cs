using System.Buffers;
using Fkj.Cdr.Rm.Codecs;
using Fkj.Cdr.Rm.Content;
using Fkj.Cdr.Templates.WebTemplates;

namespace Fkj.Cdr.Templates.Flat;

/// <summary>
/// The FLAT format (EHRbase's simSDT, <c>application/openehr.wt.flat+json</c>): a composition as one JSON
/// object of <c>path: value</c>, with paths from the web template's node ids
/// (<c>vital_signs/blood_pressure:0/any_event:0/systolic|magnitude</c>), as the openEHR SDK reads and writes
/// it. Both directions are driven by the template's <see cref="WebTemplate"/>, whose lookup tables are built
/// once and kept with it.
/// </summary>
public static class FlatComposition
{
    /// <summary>
    /// Decodes a FLAT document into a COMPOSITION of the web template's template, filling in what the
    /// document leaves to <c>ctx/…</c> and to the template as the SDK does. Every problem is reported at once.
    /// </summary>
    /// <exception cref="RmFormatException">The document is not FLAT of this template: every problem, each with its FLAT key as path.</exception>
    public static Composition Decode(ReadOnlySpan<byte> flatJson, WebTemplate webTemplate, FlatDecodeOptions? options = null)
        => FlatDecoding.Decode(flatJson, webTemplate, options, structured: false);

    /// <summary>Encodes <paramref name="composition"/> as FLAT along the web template; what the template has no node for is left out.</summary>
    public static byte[] Encode(Composition composition, WebTemplate webTemplate, bool indented = false)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        Encode(buffer, composition, webTemplate, indented);
        return buffer.WrittenSpan.ToArray();
    }

    public static void Encode(IBufferWriter<byte> output, Composition composition, WebTemplate webTemplate, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(composition);
        using var sink = new FlatJsonSink(output, indented);
        new FlatEncoder(FlatSchema.Of(webTemplate), sink).Encode(composition);
    }
}
