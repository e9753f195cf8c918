using System.Xml.Linq;
using Fkj.Cdr.Rm.Meta;
using Fkj.Cdr.Testing;

namespace Fkj.Cdr.Rm.Tests.Codecs.Xml;

/// <summary>The round-trip tests are only as strong as the comparer: it must see real differences.</summary>
public class XmlTreeComparerTests
{
    private const string Ns = "xmlns=\"http://schemas.openehr.org/v1\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"";

    private static List<string> Compare(string expected, string actual, string? rootType = "ELEMENT") =>
        XmlTreeComparer.Differences(
            XElement.Parse(expected, LoadOptions.PreserveWhitespace),
            XElement.Parse(actual, LoadOptions.PreserveWhitespace),
            rootType is null ? null : RmModel.Get(rootType));

    private const string Element = """
        <element xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="ELEMENT" archetype_node_id="at1">
          <name xsi:type="DV_TEXT"><value>Weight </value></name>
          <value xsi:type="DV_QUANTITY"><magnitude>120.0</magnitude><units>kg</units></value>
          <links><meaning><value>a</value></meaning><type><value>t</value></type><target><value>ehr://1</value></target></links>
          <links><meaning><value>b</value></meaning><type><value>t</value></type><target><value>ehr://2</value></target></links>
        </element>
        """;

    [Fact]
    public void Layout_namespaces_order_of_names_and_number_forms_are_not_differences()
    {
        var same = $"""
            <e {Ns} archetype_node_id="at1" xsi:type="ELEMENT"><links><meaning><value>a</value></meaning><type><value>t</value></type><target><value>ehr://1</value></target></links><value xsi:type="DV_QUANTITY"><units>kg</units><magnitude>120</magnitude></value><links><meaning><value>b</value></meaning><type><value>t</value></type><target><value>ehr://2</value></target></links><name><value>Weight </value></name></e>
            """;
        Assert.Empty(Compare(Element, same));
    }

    [Theory]
    [InlineData("<value>Weight </value>", "<value>Weight</value>")]
    [InlineData("<magnitude>120.0</magnitude>", "<magnitude>120.5</magnitude>")]
    [InlineData("<units>kg</units>", "")]
    [InlineData("<value>a</value>", "<value>b</value>")]
    [InlineData("archetype_node_id=\"at1\"", "archetype_node_id=\"at2\"")]
    [InlineData("xsi:type=\"DV_QUANTITY\"", "xsi:type=\"DV_COUNT\"")]
    [InlineData("<units>kg</units>", "<units>kg</units><precision>2</precision>")]
    public void A_changed_value_is_a_difference(string from, string to)
    {
        Assert.NotEmpty(Compare(Element, Element.Replace(from, to)));
    }

    [Fact]
    public void Order_within_repeated_elements_matters()
    {
        var swapped = Element.Replace("ehr://1", "ehr://X").Replace("ehr://2", "ehr://1").Replace("ehr://X", "ehr://2");
        Assert.NotEmpty(Compare(Element, swapped));
    }

    [Fact]
    public void An_xsi_type_only_in_the_input_must_be_the_declared_type()
    {
        // name is declared DV_TEXT: stating it is redundant; value is declared DATA_VALUE: dropping it loses the type.
        Assert.Empty(Compare(Element, Element.Replace("<name xsi:type=\"DV_TEXT\">", "<name>")));
        Assert.NotEmpty(Compare(Element, Element.Replace("<value xsi:type=\"DV_QUANTITY\">", "<value>")));
        // Without a root type and without an xsi:type to learn it from, nothing is known to be declared.
        var untyped = Element.Replace(" xsi:type=\"ELEMENT\"", "");
        Assert.NotEmpty(Compare(untyped, untyped.Replace("<name xsi:type=\"DV_TEXT\">", "<name>"), rootType: null));
    }

    [Fact]
    public void An_xsi_type_only_in_the_output_is_not_a_difference()
    {
        Assert.Empty(Compare(Element.Replace("<name xsi:type=\"DV_TEXT\">", "<name>"), Element));
    }
}
