using System.Text;
using Fkj.Cdr.Rm.Codecs;
using Fkj.Cdr.Rm.Codecs.Xml;
using Fkj.Cdr.Rm.Common;
using Fkj.Cdr.Rm.Content;
using Fkj.Cdr.Rm.DataStructures;
using Fkj.Cdr.Rm.DataTypes;
using Fkj.Cdr.Rm.Identification;
using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.Tests.Codecs.Xml;

public class CanonicalXmlDecoderTests
{
    private const string Ns = "xmlns=\"http://schemas.openehr.org/v1\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"";

    private static RmObject Decode(string xml, RmType? expected = null) =>
        CanonicalXml.Decode(Encoding.UTF8.GetBytes(xml), expected);

    private static RmFormatException Fails(string xml, RmType? expected = null) =>
        Assert.Throws<RmFormatException>(() => Decode(xml, expected));

    private static RmFormatError Single(RmFormatException e) => Assert.Single(e.Errors);

    [Fact]
    public void Malformed_xml_reports_line_and_column()
    {
        // The end tag </nam> does not match <name>, on the third line from its fifth column.
        var error = Single(Fails($"<element {Ns} archetype_node_id=\"at1\" xsi:type=\"ELEMENT\">\n  <name>\n    <value>x</value></nam>\n</element>"));
        Assert.Equal(RmFormatErrorCodes.Syntax, error.Code);
        Assert.Equal(3, error.Line);
        Assert.Equal(23, error.Column);
        Assert.DoesNotContain("Line 3", error.Message);
        Assert.Equal("/element/name", error.Path);
    }

    [Fact]
    public void Truncated_document_is_a_syntax_error()
    {
        var error = Single(Fails($"<dv_text {Ns} xsi:type=\"DV_TEXT\"><value>x</value>"));
        Assert.Equal(RmFormatErrorCodes.Syntax, error.Code);
    }

    [Fact]
    public void An_empty_document_is_a_syntax_error()
    {
        var error = Single(Fails(""));
        Assert.Equal(RmFormatErrorCodes.Syntax, error.Code);
        Assert.True(error.Line >= 1 && error.Column >= 1);
    }

    [Fact]
    public void A_dtd_is_refused()
    {
        // A DTD would allow entity expansion ("billion laughs") and external fetches: never processed.
        var error = Single(Fails($"""
            <?xml version="1.0"?>
            <!DOCTYPE dv_text [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>
            <dv_text {Ns} xsi:type="DV_TEXT"><value>&lol2;</value></dv_text>
            """));
        Assert.Equal(RmFormatErrorCodes.Syntax, error.Code);
        Assert.Contains("DTD is prohibited", error.Message);
        Assert.DoesNotContain("To enable", error.Message);
    }

    [Fact]
    public void An_external_entity_is_never_fetched()
    {
        var error = Single(Fails($"""
            <!DOCTYPE dv_text SYSTEM "file:///etc/passwd">
            <dv_text {Ns} xsi:type="DV_TEXT"><value>x</value></dv_text>
            """));
        Assert.Equal(RmFormatErrorCodes.Syntax, error.Code);
    }

    [Fact]
    public void Unknown_type_is_reported_at_its_path()
    {
        var error = Single(Fails($"""
            <element {Ns} xsi:type="ELEMENT" archetype_node_id="at0001">
              <name><value>n</value></name>
              <value xsi:type="DV_QUANTITYX"><magnitude>1</magnitude><units>kg</units></value>
            </element>
            """));
        Assert.Equal(RmFormatErrorCodes.UnknownType, error.Code);
        Assert.Equal("/element/value/@xsi:type", error.Path);
        Assert.Equal(3, error.Line);
        Assert.Contains("DV_QUANTITYX", error.Message);
    }

    [Fact]
    public void A_type_that_does_not_fit_the_element_is_a_mismatch()
    {
        var error = Single(Fails($"""
            <cluster {Ns} xsi:type="CLUSTER" archetype_node_id="at0001">
              <name><value>n</value></name>
              <items xsi:type="ELEMENT" archetype_node_id="at0002"><name><value>a</value></name></items>
              <items xsi:type="DV_TEXT"><value>not an item</value></items>
            </cluster>
            """));
        Assert.Equal(RmFormatErrorCodes.TypeMismatch, error.Code);
        Assert.Equal("/cluster/items[2]/@xsi:type", error.Path);
    }

    [Fact]
    public void An_element_that_is_not_an_attribute_of_the_type_is_reported()
    {
        var error = Single(Fails($"<dv_quantity {Ns} xsi:type=\"DV_QUANTITY\"><magnitude>1</magnitude><units>kg</units><unit>kg</unit></dv_quantity>"));
        Assert.Equal(RmFormatErrorCodes.UnknownAttribute, error.Code);
        Assert.Equal("/dv_quantity/unit", error.Path);
        Assert.Contains("DV_QUANTITY", error.Message);
        Assert.Equal((1L, 171L), (error.Line, error.Column));
    }

    [Fact]
    public void An_element_in_a_foreign_namespace_is_not_an_attribute()
    {
        var error = Single(Fails($"<dv_text {Ns} xmlns:x=\"urn:other\" xsi:type=\"DV_TEXT\"><value>a</value><x:value>b</x:value></dv_text>"));
        Assert.Equal(RmFormatErrorCodes.UnknownAttribute, error.Code);
        Assert.Contains("urn:other", error.Message);
    }

    [Fact]
    public void An_unknown_xml_attribute_is_reported()
    {
        var error = Single(Fails($"<dv_text {Ns} xsi:type=\"DV_TEXT\" colour=\"red\"><value>a</value></dv_text>"));
        Assert.Equal(RmFormatErrorCodes.UnknownAttribute, error.Code);
        Assert.Equal("/dv_text/@colour", error.Path);
    }

    [Fact]
    public void Archetype_node_id_is_an_xml_attribute_not_an_element()
    {
        var errors = Fails($"<element {Ns} xsi:type=\"ELEMENT\"><archetype_node_id>at1</archetype_node_id><name><value>n</value></name></element>").Errors;
        Assert.Equal(2, errors.Count);
        Assert.Equal(("/element/archetype_node_id", RmFormatErrorCodes.UnknownAttribute), (errors[0].Path, errors[0].Code));
        Assert.Contains("XML attribute", errors[0].Message);
        Assert.Equal(("/element", RmFormatErrorCodes.MissingAttribute), (errors[1].Path, errors[1].Code));
        Assert.Contains("archetype_node_id", errors[1].Message);
    }

    [Fact]
    public void An_abstract_declared_type_needs_xsi_type()
    {
        var error = Single(Fails($"""
            <element {Ns} xsi:type="ELEMENT" archetype_node_id="at0001">
              <name><value>n</value></name>
              <value><magnitude>1</magnitude><units>kg</units></value>
            </element>
            """));
        Assert.Equal(RmFormatErrorCodes.MissingType, error.Code);
        Assert.Equal("/element/value", error.Path);
        Assert.Contains("DATA_VALUE", error.Message);
    }

    [Fact]
    public void A_concrete_declared_type_may_omit_xsi_type_and_elements_may_be_in_no_namespace()
    {
        var element = Assert.IsType<Element>(Decode("""
            <element xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="ELEMENT" archetype_node_id="at0001">
              <name><value>Weight</value></name>
              <value xsi:type="DV_QUANTITY">
                <magnitude> 72.5 </magnitude>
                <units>kg</units>
                <property><terminology_id><value>openehr</value></terminology_id><code_string>124</code_string></property>
              </value>
            </element>
            """));
        Assert.IsType<DvText>(element.Name);
        Assert.Equal("Weight", element.Name.Value);
        Assert.Equal("at0001", element.ArchetypeNodeId);
        var quantity = Assert.IsType<DvQuantity>(element.Value);
        Assert.Equal(72.5, quantity.Magnitude);
        Assert.Equal("124", quantity.Property!.CodeString);
    }

    [Fact]
    public void Every_problem_is_reported_not_only_the_first()
    {
        var errors = Fails($"""
            <cluster {Ns} xsi:type="CLUSTER" archetype_node_id="at0001">
              <name><value>n</value></name>
              <items xsi:type="ELEMENT" archetype_node_id="at0002"><name><value>a</value></name><colour>red</colour></items>
              <items xsi:type="ELEMENT" archetype_node_id="at0003"><name><value>b</value></name>
                <value xsi:type="DV_COUNT"><magnitude>three</magnitude></value>
              </items>
            </cluster>
            """).Errors;
        Assert.Equal(2, errors.Count);
        Assert.Equal(("/cluster/items[1]/colour", RmFormatErrorCodes.UnknownAttribute), (errors[0].Path, errors[0].Code));
        Assert.Equal(("/cluster/items[2]/value/magnitude", RmFormatErrorCodes.WrongValueKind), (errors[1].Path, errors[1].Code));
        Assert.Equal(5, errors[1].Line);
    }

    [Fact]
    public void A_missing_mandatory_attribute_is_reported_on_its_object()
    {
        var error = Single(Fails($"<dv_coded_text {Ns} xsi:type=\"DV_CODED_TEXT\"><value>x</value><defining_code><terminology_id><value>local</value></terminology_id></defining_code></dv_coded_text>"));
        Assert.Equal(RmFormatErrorCodes.MissingAttribute, error.Code);
        Assert.Equal("/dv_coded_text/defining_code", error.Path);
        Assert.Contains("code_string", error.Message);
    }

    [Fact]
    public void A_single_valued_attribute_may_not_repeat()
    {
        var error = Single(Fails($"<dv_text {Ns} xsi:type=\"DV_TEXT\"><value>a</value><value>b</value></dv_text>"));
        Assert.Equal(RmFormatErrorCodes.DuplicateAttribute, error.Code);
        Assert.Equal("/dv_text/value", error.Path);
    }

    [Fact]
    public void A_32_bit_integer_attribute_refuses_a_larger_value()
    {
        var error = Single(Fails($"<dv_ordinal {Ns} xsi:type=\"DV_ORDINAL\"><value>4294967296</value><symbol><value>x</value><defining_code><terminology_id><value>local</value></terminology_id><code_string>at1</code_string></defining_code></symbol></dv_ordinal>"));
        Assert.Equal(RmFormatErrorCodes.InvalidValue, error.Code);
        Assert.Equal("/dv_ordinal/value", error.Path);
    }

    [Theory]
    [InlineData("DV_BOOLEAN", "<value>yes</value>", RmFormatErrorCodes.WrongValueKind, "/x/value")]
    [InlineData("DV_COUNT", "<magnitude>1.5</magnitude>", RmFormatErrorCodes.InvalidValue, "/x/magnitude")]
    [InlineData("DV_COUNT", "<magnitude>INF</magnitude>", RmFormatErrorCodes.WrongValueKind, "/x/magnitude")]
    [InlineData("DV_QUANTITY", "<magnitude>1e999</magnitude><units>kg</units>", RmFormatErrorCodes.InvalidValue, "/x/magnitude")]
    [InlineData("DV_COUNT", "<magnitude><n>1</n></magnitude>", RmFormatErrorCodes.WrongValueKind, "/x/magnitude")]
    [InlineData("DV_TEXT", "<value>v</value>text beside elements", RmFormatErrorCodes.WrongValueKind, "/x")]
    [InlineData("TERM_MAPPING", "<match>??</match><target><terminology_id><value>t</value></terminology_id><code_string>c</code_string></target>", RmFormatErrorCodes.InvalidValue, "/x/match")]
    public void A_primitive_in_the_wrong_form_is_reported(string type, string content, string code, string path)
    {
        var error = Single(Fails($"<x {Ns} xsi:type=\"{type}\">{content}</x>"));
        Assert.Equal((code, path), (error.Code, error.Path));
    }

    [Fact]
    public void Booleans_and_numbers_follow_xml_schema_lexical_forms()
    {
        var interval = Assert.IsType<DvInterval>(Decode($"""
            <dv_interval {Ns} xsi:type="DV_INTERVAL">
              <lower xsi:type="DV_QUANTITY"><magnitude>+1.5E2</magnitude><units>kg</units><precision>
                 0
              </precision></lower>
              <lower_unbounded> 0 </lower_unbounded>
              <upper_unbounded>1</upper_unbounded>
            </dv_interval>
            """));
        Assert.Equal(150.0, ((DvQuantity)interval.Lower!).Magnitude);
        Assert.Equal(0, ((DvQuantity)interval.Lower!).Precision);
        Assert.False(interval.LowerUnbounded);
        Assert.True(interval.UpperUnbounded);
        Assert.Null(interval.LowerIncluded);
    }

    [Fact]
    public void The_root_must_have_the_expected_type()
    {
        var error = Assert.Single(Assert.Throws<RmFormatException>(() =>
            CanonicalXml.Decode<Composition>(Encoding.UTF8.GetBytes($"<composition {Ns} xsi:type=\"DV_TEXT\"><value>x</value></composition>"))).Errors);
        Assert.Equal(RmFormatErrorCodes.TypeMismatch, error.Code);
        Assert.Equal("/composition/@xsi:type", error.Path);
    }

    [Fact]
    public void The_root_type_comes_from_xsi_type_then_the_expected_type_then_the_element_name()
    {
        Assert.IsType<DvText>(Decode($"<anything {Ns} xsi:type=\"DV_TEXT\"><value>x</value></anything>"));
        Assert.IsType<DvText>(Decode($"<anything {Ns}><value>x</value></anything>", RmModel.Get("DV_TEXT")));
        Assert.IsType<DvText>(Decode($"<dv_text {Ns}><value>x</value></dv_text>"));
        Assert.Equal(RmFormatErrorCodes.MissingType, Single(Fails($"<anything {Ns}><value>x</value></anything>")).Code);
        Assert.Equal(RmFormatErrorCodes.MissingType, Single(Fails($"<version {Ns}><signature>x</signature></version>")).Code);
    }

    [Fact]
    public void A_prefixed_xsi_type_resolves_through_its_namespace()
    {
        Assert.IsType<DvCodedText>(Decode("""
            <oe:dv_text xmlns:oe="http://schemas.openehr.org/v1" xmlns:i="http://www.w3.org/2001/XMLSchema-instance" i:type="oe:DV_CODED_TEXT">
              <oe:value>x</oe:value>
              <oe:defining_code><oe:terminology_id><oe:value>local</oe:value></oe:terminology_id><oe:code_string>at1</oe:code_string></oe:defining_code>
            </oe:dv_text>
            """));
        var error = Single(Fails("""<x xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:o="urn:other" xsi:type="o:DV_TEXT"><value>x</value></x>"""));
        Assert.Equal(RmFormatErrorCodes.UnknownType, error.Code);
    }

    [Fact]
    public void Xsi_nil_is_an_absent_value()
    {
        var text = Assert.IsType<DvText>(Decode($"<dv_text {Ns} xsi:type=\"DV_TEXT\"><value>x</value><formatting xsi:nil=\"true\"/><hyperlink xsi:nil=\"true\"/></dv_text>"));
        Assert.Null(text.Formatting);
        Assert.Null(text.Hyperlink);
        Assert.Equal(RmFormatErrorCodes.MissingAttribute, Single(Fails($"<dv_text {Ns} xsi:type=\"DV_TEXT\"><value xsi:nil=\"true\"/></dv_text>")).Code);
    }

    [Fact]
    public void String_values_keep_their_whitespace_cdata_and_entities()
    {
        var text = Assert.IsType<DvText>(Decode($"<dv_text {Ns} xsi:type=\"DV_TEXT\"><value>  two\n lines &amp; <![CDATA[<raw>]]> &#xD;end </value></dv_text>"));
        Assert.Equal("  two\n lines & <raw> \rend ", text.Value);

        var blank = Assert.IsType<DvText>(Decode($"<dv_text {Ns} xsi:type=\"DV_TEXT\"><value>   </value><formatting/></dv_text>"));
        Assert.Equal("   ", blank.Value);
        Assert.Equal("", blank.Formatting);
    }

    [Fact]
    public void Comments_and_processing_instructions_are_ignored()
    {
        var text = Assert.IsType<DvText>(Decode($"<?xml version=\"1.0\"?><!-- c --><dv_text {Ns} xsi:type=\"DV_TEXT\"><?pi x?><value>a<!-- c -->b</value><!-- <formatting>f</formatting> --></dv_text>"));
        Assert.Equal("ab", text.Value);
        Assert.Null(text.Formatting);
    }

    [Fact]
    public void The_schema_spelling_work_flow_id_is_read_as_workflow_id()
    {
        var evaluation = Assert.IsType<Evaluation>(Decode($"""
            <evaluation {Ns} xsi:type="EVALUATION" archetype_node_id="openEHR-EHR-EVALUATION.x.v1">
              <name><value>e</value></name>
              <language><terminology_id><value>ISO_639-1</value></terminology_id><code_string>en</code_string></language>
              <encoding><terminology_id><value>IANA_character-sets</value></terminology_id><code_string>UTF-8</code_string></encoding>
              <subject xsi:type="PARTY_SELF"/>
              <work_flow_id><id xsi:type="HIER_OBJECT_ID"><value>w</value></id><namespace>n</namespace><type>t</type></work_flow_id>
              <data xsi:type="ITEM_TREE" archetype_node_id="at0001"><name><value>tree</value></name></data>
            </evaluation>
            """));
        Assert.Equal("w", evaluation.WorkflowId!.Id.Value);
        Assert.Contains("<workflow_id>", Encoding.UTF8.GetString(CanonicalXml.Encode(evaluation)));
    }

    [Fact]
    public void A_legacy_dv_parsable_size_is_accepted_and_dropped()
    {
        var parsable = Assert.IsType<DvParsable>(Decode($"<dv_parsable {Ns} xsi:type=\"DV_PARSABLE\"><value>R2/PT8H</value><formalism>timing</formalism><size>7</size></dv_parsable>"));
        Assert.Equal("R2/PT8H", parsable.Value);
        Assert.DoesNotContain("<size>", Encoding.UTF8.GetString(CanonicalXml.Encode(parsable)));

        var error = Single(Fails($"<dv_parsable {Ns} xsi:type=\"DV_PARSABLE\"><value>v</value><formalism>f</formalism><size>big</size></dv_parsable>"));
        Assert.Equal((RmFormatErrorCodes.InvalidValue, "/dv_parsable/size"), (error.Code, error.Path));
        Assert.Equal(RmFormatErrorCodes.UnknownAttribute,
            Single(Fails($"<dv_uri {Ns} xsi:type=\"DV_URI\"><value>v</value><size>1</size></dv_uri>")).Code);
    }

    [Fact]
    public void Hostile_nesting_is_refused_without_crashing()
    {
        var xml = new StringBuilder($"<cluster {Ns} xsi:type=\"CLUSTER\" archetype_node_id=\"at1\"><name><value>n</value></name>");
        for (var i = 0; i < 5000; i++) xml.Append("<items xsi:type=\"CLUSTER\" archetype_node_id=\"at1\"><name><value>n</value></name>");
        for (var i = 0; i < 5000; i++) xml.Append("</items>");
        xml.Append("</cluster>");
        Assert.Contains(Fails(xml.ToString()).Errors, e => e.Code == RmFormatErrorCodes.Syntax);
    }

    [Fact]
    public void A_stream_and_a_text_reader_decode_alike()
    {
        var xml = $"<?xml version=\"1.0\" encoding=\"utf-16\"?><dv_text {Ns} xsi:type=\"DV_TEXT\"><value>é</value></dv_text>";
        using var stream = new MemoryStream(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(xml)).ToArray());
        Assert.Equal("é", Assert.IsType<DvText>(CanonicalXml.Decode(stream)).Value);
        Assert.Equal("é", Assert.IsType<DvText>(CanonicalXml.Decode(new StringReader(xml))).Value);
    }

    [Theory]
    [InlineData("DV_DATE_TIME", "2021-03")]
    [InlineData("DV_DATE_TIME", "2021-03-04T10:15:30.123456+01:00")]
    [InlineData("DV_DATE_TIME", "20210304T101530Z")]
    [InlineData("DV_DATE", "2021")]
    [InlineData("DV_TIME", "T10")]
    [InlineData("DV_TIME", "10:15:30,5")]
    [InlineData("DV_DURATION", "P1Y2M3DT4H5M6.7S")]
    [InlineData("DV_DURATION", "-P2W")]
    public void Partial_and_extended_iso8601_values_are_kept_as_written(string type, string value)
    {
        var name = type.ToLowerInvariant();
        var input = $"<{name} {Ns} xsi:type=\"{type}\"><value>{value}</value></{name}>";
        var output = new StringWriter();
        CanonicalXml.Encode(output, Decode(input));
        Assert.Equal(input, output.ToString());
    }
}
