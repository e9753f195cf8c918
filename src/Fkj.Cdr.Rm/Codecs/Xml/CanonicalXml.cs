using System.Buffers;
using System.Text;
using System.Xml;
using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.Codecs.Xml;

/// <summary>
/// The canonical XML codec (openEHR ITS-XML, namespace <c>http://schemas.openehr.org/v1</c>,
/// polymorphism by xsi:type): decode to and encode from RM objects.
/// </summary>
public static class CanonicalXml
{
    /// <summary>The openEHR XML namespace, which elements are written in (and may be read from, or from none).</summary>
    public const string Namespace = XmlShape.Namespace;

    private static readonly XmlWriterSettings DocumentSettings = new()
    {
        Encoding = new UTF8Encoding(false),
        // A \r in a value must survive a reader's line-end normalisation, so it is written as &#xD;.
        NewLineHandling = NewLineHandling.Entitize,
        NewLineChars = "\n",
        CloseOutput = false,
    };

    private static readonly XmlWriterSettings IndentedDocumentSettings = Indented(DocumentSettings);

    // A TextWriter's encoding is the caller's business (a string is UTF-16): no declaration that could lie.
    private static readonly XmlWriterSettings TextSettings = WithoutDeclaration(DocumentSettings);

    private static readonly XmlWriterSettings IndentedTextSettings = WithoutDeclaration(IndentedDocumentSettings);

    /// <summary>
    /// Decodes a document whose root must be of <paramref name="expected"/> (or any RM type when null).
    /// The root element may have any name; its type is its xsi:type, else <paramref name="expected"/>,
    /// else the type its name spells (<c>composition</c>).
    /// </summary>
    /// <exception cref="RmFormatException">The document is not valid canonical XML for the RM.</exception>
    public static RmObject Decode(ReadOnlySpan<byte> xml, RmType? expected = null)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(xml.Length);
        try
        {
            xml.CopyTo(buffer);
            using var stream = new MemoryStream(buffer, 0, xml.Length, writable: false);
            return Decode(stream, expected);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Decodes from a stream, which is left open; the encoding comes from the BOM or XML declaration (UTF-8 by default).</summary>
    /// <exception cref="RmFormatException">The document is not valid canonical XML for the RM.</exception>
    public static RmObject Decode(Stream xml, RmType? expected = null)
    {
        using var reader = XmlReader.Create(xml, CanonicalXmlDecoder.ReaderSettings);
        return new CanonicalXmlDecoder(reader).Decode(expected);
    }

    /// <exception cref="RmFormatException">The document is not valid canonical XML for the RM.</exception>
    public static RmObject Decode(TextReader xml, RmType? expected = null)
    {
        using var reader = XmlReader.Create(xml, CanonicalXmlDecoder.ReaderSettings);
        return new CanonicalXmlDecoder(reader).Decode(expected);
    }

    public static T Decode<T>(ReadOnlySpan<byte> xml) where T : RmObject =>
        (T)Decode(xml, RmModel.Of<T>());

    public static T Decode<T>(Stream xml) where T : RmObject =>
        (T)Decode(xml, RmModel.Of<T>());

    /// <summary>Encodes a document as UTF-8, with an XML declaration, its root named by <see cref="DocumentElementName"/>.</summary>
    public static byte[] Encode(RmObject value, bool indented = false)
    {
        using var stream = new MemoryStream(4096);
        Encode(stream, value, indented);
        return stream.ToArray();
    }

    /// <summary>Writes a document as UTF-8 to a stream, which is left open.</summary>
    public static void Encode(Stream output, RmObject value, bool indented = false)
    {
        using var writer = XmlWriter.Create(output, indented ? IndentedDocumentSettings : DocumentSettings);
        writer.WriteStartDocument();
        CanonicalXmlEncoder.Write(writer, value, DocumentElementName(value.RmType));
        writer.WriteEndDocument();
    }

    /// <summary>Writes a document, without an XML declaration, to a text writer, which is left open.</summary>
    public static void Encode(TextWriter output, RmObject value, bool indented = false)
    {
        using var writer = XmlWriter.Create(output, indented ? IndentedTextSettings : TextSettings);
        CanonicalXmlEncoder.Write(writer, value, DocumentElementName(value.RmType));
    }

    /// <summary>
    /// Writes one RM object as an element of a caller's writer, e.g. to embed RM objects in a larger
    /// response. The element carries xsi:type and declares the namespaces it needs.
    /// </summary>
    public static void Encode(XmlWriter writer, RmObject value, string? elementName = null) =>
        CanonicalXmlEncoder.Write(writer, value, elementName ?? DocumentElementName(value.RmType));

    /// <summary>
    /// The conventional document element for a root of <paramref name="type"/>: <c>composition</c>,
    /// <c>version</c> for every VERSION, otherwise the lower-case type name (<c>ehr_status</c>, <c>folder</c>).
    /// </summary>
    public static string DocumentElementName(RmType type) => XmlShape.DocumentElementName(type);

    private static XmlWriterSettings Indented(XmlWriterSettings settings)
    {
        var copy = settings.Clone();
        copy.Indent = true;
        copy.IndentChars = "  ";
        return copy;
    }

    private static XmlWriterSettings WithoutDeclaration(XmlWriterSettings settings)
    {
        var copy = settings.Clone();
        copy.OmitXmlDeclaration = true;
        return copy;
    }
}
