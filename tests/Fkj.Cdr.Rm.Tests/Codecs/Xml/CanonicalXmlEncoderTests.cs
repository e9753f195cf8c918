using System.Text;
using System.Xml;
using System.Xml.Linq;
using Fkj.Cdr.Rm.Codecs.Xml;
using Fkj.Cdr.Rm.Common;
using Fkj.Cdr.Rm.Content;
using Fkj.Cdr.Rm.DataStructures;
using Fkj.Cdr.Rm.DataTypes;
using Fkj.Cdr.Rm.Identification;
using Fkj.Cdr.Rm.Meta;
using Fkj.Cdr.Rm.Records;

namespace Fkj.Cdr.Rm.Tests.Codecs.Xml;

public class CanonicalXmlEncoderTests
{
    private static readonly XNamespace Oe = CanonicalXml.Namespace;
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    private static Element Weight(DvText name) => new()
    {
        ArchetypeNodeId = "at0004",
        Name = name,
        Value = new DvQuantity { Magnitude = 72.0, Units = "kg", Precision = 1 },
    };

    private static XElement Encode(RmObject value) => XDocument.Parse(Encoding.UTF8.GetString(CanonicalXml.Encode(value))).Root!;

    [Fact]
    public void Xsi_type_is_written_where_a_reader_needs_it()
    {
        var root = Encode(Weight(new DvText { Value = "Weight" }));
        Assert.Equal(Oe + "element", root.Name);
        Assert.Equal("ELEMENT", root.Attribute(Xsi + "type")?.Value);
        Assert.Equal("at0004", root.Attribute("archetype_node_id")?.Value);
        // name is declared DV_TEXT and is one: no xsi:type. value is declared DATA_VALUE, which is abstract.
        Assert.Null(root.Element(Oe + "name")!.Attribute(Xsi + "type"));
        Assert.Equal("DV_QUANTITY", root.Element(Oe + "value")!.Attribute(Xsi + "type")?.Value);
        Assert.Null(root.Element(Oe + "archetype_node_id"));

        var coded = Encode(Weight(new DvCodedText
        {
            Value = "Weight",
            DefiningCode = new CodePhrase { TerminologyId = new TerminologyId { Value = "local" }, CodeString = "at4" },
        }));
        Assert.Equal("DV_CODED_TEXT", coded.Element(Oe + "name")!.Attribute(Xsi + "type")?.Value);
    }

    [Fact]
    public void Elements_follow_the_schema_sequence_and_numbers_their_shortest_form()
    {
        var value = Encode(Weight(new DvText { Value = "Weight" })).Element(Oe + "value")!;
        Assert.Equal(["magnitude", "units", "precision"], value.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("72", value.Element(Oe + "magnitude")!.Value);
    }

    [Fact]
    public void Namespaces_are_declared_once_on_the_root()
    {
        var text = Encoding.UTF8.GetString(CanonicalXml.Encode(Weight(new DvText { Value = "Weight" })));
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?><element xmlns=\"http://schemas.openehr.org/v1\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"ELEMENT\"", text);
        Assert.Equal(1, CountOf(text, "xmlns="));
        Assert.Equal(1, CountOf(text, "xmlns:xsi="));
    }

    [Fact]
    public void Document_elements_have_the_conventional_names()
    {
        Assert.Equal("composition", CanonicalXml.DocumentElementName(RmModel.Of<Composition>()));
        Assert.Equal("ehr_status", CanonicalXml.DocumentElementName(RmModel.Of<EhrStatus>()));
        Assert.Equal("folder", CanonicalXml.DocumentElementName(RmModel.Of<Folder>()));
        Assert.Equal("contribution", CanonicalXml.DocumentElementName(RmModel.Of<Contribution>()));
        Assert.Equal("version", CanonicalXml.DocumentElementName(RmModel.Of<OriginalVersion>()));
        Assert.Equal("version", CanonicalXml.DocumentElementName(RmModel.Of<ImportedVersion>()));
    }

    [Fact]
    public void Text_survives_exactly_including_carriage_returns_and_markup()
    {
        var original = "  line one\r\nline two\ttab <b>&amp;</b> \"q\" ]]> end  ";
        var element = Weight(new DvText { Value = original });
        foreach (var indented in new[] { false, true })
        {
            var back = CanonicalXml.Decode<Element>(CanonicalXml.Encode(element, indented));
            Assert.Equal(original, back.Name.Value);
        }
    }

    [Fact]
    public void A_character_xml_cannot_carry_is_refused_rather_than_altered()
    {
        Assert.Throws<ArgumentException>(() => CanonicalXml.Encode(Weight(new DvText { Value = "bell\u0007" })));
    }

    [Fact]
    public void Stream_text_writer_and_bytes_agree()
    {
        var element = Weight(new DvText { Value = "Wéight" });
        var bytes = CanonicalXml.Encode(element);
        using var stream = new MemoryStream();
        CanonicalXml.Encode(stream, element);
        Assert.Equal(bytes, stream.ToArray());

        var text = new StringWriter();
        CanonicalXml.Encode(text, element);
        Assert.Equal(Encoding.UTF8.GetString(bytes), "<?xml version=\"1.0\" encoding=\"utf-8\"?>" + text);
    }

    [Fact]
    public void An_object_can_be_embedded_in_a_callers_document()
    {
        var output = new StringWriter();
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { OmitXmlDeclaration = true }))
        {
            writer.WriteStartElement("results", "urn:example");
            CanonicalXml.Encode(writer, Weight(new DvText { Value = "a" }), "item");
            CanonicalXml.Encode(writer, Weight(new DvText { Value = "b" }), "item");
            writer.WriteEndElement();
        }

        var items = XElement.Parse(output.ToString()).Elements().ToList();
        Assert.Equal(2, items.Count);
        Assert.All(items, i => Assert.Equal(Oe + "item", i.Name));
        Assert.All(items, i => Assert.Equal("ELEMENT", i.Attribute(Xsi + "type")?.Value));
        var second = CanonicalXml.Decode<Element>(Encoding.UTF8.GetBytes(items[1].ToString()));
        Assert.Equal("b", second.Name.Value);
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "").Length) / part.Length;
}
