using Fkj.Cdr.Rm.DataTypes;
using Fkj.Cdr.Templates.Opt.Constraints;
using Fkj.Cdr.Templates.Opt.Parsing;
using static Fkj.Cdr.Templates.Tests.Support.OptText;

namespace Fkj.Cdr.Templates.Tests.Opt;

/// <summary>Default values, on the node itself or by path in the template's constraints section.</summary>
public class OptDefaultValueTests
{
    private static string Constraint(string path, string defaultValue) => $"""
        <constraints>
          <attributes>
            <rm_attribute_name>value</rm_attribute_name>
            <children>
              {defaultValue}
            </children>
            <differential_path>{path}</differential_path>
          </attributes>
        </constraints>
        """;

    private const string ElementPath = "[openEHR-EHR-COMPOSITION.test.v1]/content[openEHR-EHR-OBSERVATION.obs.v1]/data[at0001]/events[at0002]/data[at0003]/items[at0004]";

    [Fact]
    public void A_default_value_on_the_node_is_decoded_as_an_rm_value()
    {
        var template = Parse(ElementValue("""
            <children xsi:type="C_COMPLEX_OBJECT">
              <rm_type_name>DV_TEXT</rm_type_name>
              <occurrences>
                <lower_included>true</lower_included><upper_included>true</upper_included>
                <lower_unbounded>false</lower_unbounded><upper_unbounded>false</upper_unbounded><lower>1</lower><upper>1</upper>
              </occurrences>
              <node_id/>
              <default_value xsi:type="DV_TEXT"><value>Nothing to report</value></default_value>
            </children>
            """));

        var text = Assert.IsType<DvText>(template.Nodes().Last().DefaultValue);
        Assert.Equal("Nothing to report", text.Value);
    }

    [Fact]
    public void A_default_value_by_path_goes_to_the_constraint_of_its_type()
    {
        var template = Parse(ElementValue(
            Complex("DV_TEXT", "") + Complex("DV_COUNT", ""),
            afterDefinition: Constraint(ElementPath, """<default_value xsi:type="DV_COUNT"><magnitude>20</magnitude></default_value>""")));

        var values = template.Nodes().Where(n => n.Path == ValuePath).ToList();
        Assert.Equal(["DV_TEXT", "DV_COUNT"], values.Select(v => v.RmTypeName));
        Assert.Null(values[0].DefaultValue);
        Assert.Equal(20, Assert.IsType<DvCount>(values[1].DefaultValue).Magnitude);
    }

    [Fact]
    public void A_name_in_the_path_picks_among_nodes_with_the_same_node_id()
    {
        static string Named(string name) => Complex("ELEMENT", "at0004",
            Single("name", Complex("DV_TEXT", "", Single("value", Primitive("STRING", $"""<item xsi:type="C_STRING"><list>{name}</list></item>"""), existenceLower: 1)), existenceLower: 1)
            + Single("value", Complex("DV_TEXT", "")), lower: 0);

        var template = Parse(Template(
            Multiple("content", Observation(Single("data", Complex("HISTORY", "at0001",
                Multiple("events", Complex("EVENT", "at0002",
                    Single("data", Complex("ITEM_TREE", "at0003",
                        Multiple("items", Named("First") + Named("Second"))))), lower: 1))))),
            afterDefinition: Constraint(ElementPath.Replace("items[at0004]", "items[at0004, 'Second']"),
                """<default_value xsi:type="DV_TEXT"><value>two</value></default_value>""")));

        var values = template.Nodes().Where(n => n.Path == ValuePath && n.Parent!.RmAttributeName == "value").ToList();
        Assert.Equal(2, values.Count);
        Assert.Null(values[0].DefaultValue);
        Assert.Equal("two", Assert.IsType<DvText>(values[1].DefaultValue).Value);
    }

    [Fact]
    public void A_partial_default_keeps_what_is_given_and_a_bare_at_code_is_local()
    {
        // Template designers write the code and text of a local default, without its terminology.
        var template = Parse(ElementValue(
            Complex("DV_CODED_TEXT", "", Single("defining_code", """
                <children xsi:type="C_CODE_PHRASE">
                  <rm_type_name>CODE_PHRASE</rm_type_name>
                  <occurrences>
                    <lower_included>true</lower_included><upper_included>true</upper_included>
                    <lower_unbounded>false</lower_unbounded><upper_unbounded>false</upper_unbounded><lower>1</lower><upper>1</upper>
                  </occurrences>
                  <node_id/>
                  <terminology_id><value>local</value></terminology_id>
                  <code_list>at0005</code_list>
                </children>
                """, existenceLower: 1)),
            terms: Term("at0005", "Option 1"),
            afterDefinition: Constraint(ElementPath, """
                <default_value xsi:type="DV_CODED_TEXT">
                  <value>Option 1</value>
                  <defining_code><code_string>at0005</code_string></defining_code>
                </default_value>
                """)));

        var coded = Assert.IsType<DvCodedText>(Assert.Single(template.Nodes(), n => n.DefaultValue is not null).DefaultValue);
        Assert.Equal("Option 1", coded.Value);
        Assert.Equal(("local", "at0005"), (coded.DefiningCode.TerminologyId.Value, coded.DefiningCode.CodeString));
    }

    [Fact]
    public void A_default_value_the_rm_does_not_allow_is_reported_at_its_line()
    {
        var opt = ElementValue(Complex("DV_QUANTITY", ""), afterDefinition: Constraint(ElementPath, """
            <default_value xsi:type="DV_QUANTITY">
              <magnitude>1.0</magnitude>
              <unit>kg</unit>
            </default_value>
            """));
        var line = opt.Split('\n').ToList().FindIndex(l => l.Contains("<unit>")) + 1;

        var error = RefuseOnce(opt);

        Assert.Equal(OptErrorCodes.InvalidDefaultValue, error.Code);
        Assert.Equal("default_value: 'unit' is not an attribute of DV_QUANTITY", error.Message);
        Assert.Equal("/template/constraints/attributes/children/default_value/unit", error.Path);
        Assert.Equal(line, error.Line);
    }

    [Fact]
    public void A_default_value_must_be_a_data_value()
    {
        var error = RefuseOnce(ElementValue(Complex("DV_TEXT", ""), afterDefinition: Constraint(ElementPath,
            """<default_value xsi:type="ELEMENT" archetype_node_id="at0004"><name><value>x</value></name></default_value>""")));

        Assert.Equal(OptErrorCodes.TypeMismatch, error.Code);
        Assert.Equal("default_value must be a concrete DATA_VALUE, not ELEMENT", error.Message);
    }

    [Fact]
    public void A_differential_path_to_nothing_is_an_error()
    {
        var error = RefuseOnce(ElementValue(Complex("DV_TEXT", ""), afterDefinition: Constraint(
            ElementPath.Replace("items[at0004]", "items[at0009]"), """<default_value xsi:type="DV_TEXT"><value>x</value></default_value>""")));

        Assert.Equal(OptErrorCodes.UnresolvedPath, error.Code);
        Assert.Equal(
            "differential_path does not resolve: /content[openEHR-EHR-OBSERVATION.obs.v1]/data[at0001]/events[at0002]/data[at0003] has no child items[at0009]",
            error.Message);
    }

    [Fact]
    public void Differential_paths_may_name_nodes_with_and_name_value()
    {
        var template = Parse(ElementValue(Complex("DV_TEXT", ""), afterDefinition: Constraint(
            ElementPath.Replace("items[at0004]", "items[at0004 and name/value='Value']"),
            """<default_value xsi:type="DV_TEXT"><value>x</value></default_value>""")));

        Assert.Equal("x", Assert.IsType<DvText>(template.Nodes().Last().DefaultValue).Value);
    }
}
