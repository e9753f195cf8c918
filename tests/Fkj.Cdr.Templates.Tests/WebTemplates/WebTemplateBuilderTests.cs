using System.Text;
using Fkj.Cdr.Templates.WebTemplates;
using Fkj.Cdr.Templates.WebTemplates.Building;
using static Fkj.Cdr.Templates.Tests.Support.OptText;

namespace Fkj.Cdr.Templates.Tests.WebTemplates;

/// <summary>The generation rules on small OPTs: ids, ELEMENT collapse, choices, inputs, names, events, JSON.</summary>
public class WebTemplateBuilderTests
{
    private const string Header = """
          <occurrences>
            <lower_included>true</lower_included><upper_included>true</upper_included>
            <lower_unbounded>false</lower_unbounded><upper_unbounded>false</upper_unbounded><lower>1</lower><upper>1</upper>
          </occurrences>
          <node_id/>
        """;

    private const string Quantity = $"""
        <children xsi:type="C_DV_QUANTITY">
          <rm_type_name>DV_QUANTITY</rm_type_name>
          {Header}
          <list>
            <magnitude>
              <lower_included>true</lower_included><upper_included>false</upper_included>
              <lower_unbounded>false</lower_unbounded><upper_unbounded>false</upper_unbounded>
              <lower>0.0</lower><upper>1000.0</upper>
            </magnitude>
            <precision>
              <lower_included>true</lower_included><upper_included>true</upper_included>
              <lower_unbounded>false</lower_unbounded><upper_unbounded>false</upper_unbounded>
              <lower>0</lower><upper>0</upper>
            </precision>
            <units>mm[Hg]</units>
          </list>
        </children>
        """;

    private static WebTemplate Build(string opt) => WebTemplateBuilder.Build(Parse(opt));

    /// <summary>The observation of <see cref="ElementValue"/>: its event is kept (0..*), the ELEMENT collapses into its value.</summary>
    private static WebTemplateNode Event(WebTemplate template) => template.FindByFlatPath("test/obs/any_event")!;

    [Fact]
    public void An_element_with_one_value_becomes_that_value_under_the_elements_id()
    {
        var template = Build(ElementValue(Quantity));

        var value = Event(template).Child("value")!;
        Assert.Equal("DV_QUANTITY", value.RmType);
        Assert.Equal("at0004", value.NodeId);
        Assert.Equal("Value", value.Name);
        Assert.Equal((1, 1), (value.Min, value.Max));
        Assert.Equal(ValuePath, value.AqlPath);
        Assert.Equal(["magnitude", "unit"], value.Inputs.Select(i => i.Suffix));
        var unit = value.Inputs[1];
        Assert.Equal("CODED_TEXT", unit.Type);
        var mmHg = Assert.Single(unit.List);
        Assert.Equal("mm[Hg]", mmHg.Value);
        Assert.Equal(new WebTemplateInterval(0, ">=", 1000, "<", IsInteger: false), mmHg.Validation!.Range);
        Assert.Equal(new WebTemplateInterval(0, ">=", 0, "<=", IsInteger: true), mmHg.Validation.Precision);
        // With one unit, the magnitude takes that unit's validation.
        Assert.Equal(mmHg.Validation, value.Inputs[0].Validation);
    }

    [Fact]
    public void Structure_and_context_attributes_follow_the_sdk()
    {
        var template = Build(ElementValue(Quantity));

        // category and context are not in this template: they come with the RM attributes, in Archie's order.
        Assert.Equal(["obs", "composer", "language", "context", "category", "territory"], template.Tree.Children.Select(c => c.Id));
        Assert.Equal(["code", "value"], template.Tree.Child("category")!.Inputs.Select(i => i.Suffix));
        var observation = template.FindByFlatPath("test/obs")!;
        Assert.Equal(["any_event", "subject", "language", "encoding"], observation.Children.Select(c => c.Id));
        Assert.Equal(["value", "time"], Event(template).Children.Select(c => c.Id));
        var time = Event(template).Child("time")!;
        Assert.True(time.InContext);
        Assert.Equal("/content[openEHR-EHR-OBSERVATION.obs.v1]/data[at0001]/events[at0002]/time", time.AqlPath);
        Assert.Same(template.FindByFlatPath("test/obs/any_event")!.Constraint, time.AttributeOf);
        Assert.Equal(["start_time", "setting"], template.FindByFlatPath("test/context")!.Children.Select(c => c.Id));
        Assert.Equal(-1, Event(template).Max);
    }

    [Fact]
    public void Alternatives_of_one_element_are_choices_named_after_their_types()
    {
        var template = Build(ElementValue(Quantity + $"""
            <children xsi:type="C_COMPLEX_OBJECT"><rm_type_name>DV_COUNT</rm_type_name>{Header}</children>
            """));

        var element = Event(template).Child("value")!;
        Assert.Equal("ELEMENT", element.RmType);
        Assert.Equal(["quantity_value", "count_value"], element.Children.Select(c => c.Id));
        Assert.All(element.Children, c => Assert.Equal(ValuePath, c.AqlPath));
        Assert.All(element.Children, c => Assert.Equal("at0004", c.NodeId));
        Assert.Equal("INTEGER", Assert.Single(element.Child("count_value")!.Inputs).Type);
    }

    [Fact]
    public void An_unconstrained_element_offers_every_data_value_type()
    {
        var template = Template(Multiple("content", Observation(
            Single("data", Complex("HISTORY", "at0001",
                Multiple("events", Complex("EVENT", "at0002",
                    Single("data", Complex("ITEM_TREE", "at0003",
                        Multiple("items", Complex("ELEMENT", "at0004")))), lower: 0, upper: null), lower: 1))))));

        var element = WebTemplateBuilder.Build(Parse(template)).FindByFlatPath("test/obs/any_event/value")!;
        Assert.Equal(17, element.Children.Count);
        Assert.Contains("coded_text_value", element.Children.Select(c => c.Id));
        Assert.All(element.Children, c => Assert.True(c.InContext));
        Assert.Equal(["year", "month", "day", "week", "hour", "minute", "second"], element.Child("duration_value")!.Inputs.Select(i => i.Suffix));
    }

    [Fact]
    public void Same_named_siblings_are_numbered_from_the_second()
    {
        // The element "Value" at0004 and a second, optional element at0005 with the same text.
        var twice = Template(Multiple("content", Observation(
            Single("data", Complex("HISTORY", "at0001",
                Multiple("events", Complex("EVENT", "at0002",
                    Single("data", Complex("ITEM_TREE", "at0003",
                        Multiple("items",
                            Complex("ELEMENT", "at0004", Single("value", Quantity))
                            + Complex("ELEMENT", "at0005", Single("value", Quantity), lower: 0)))), lower: 0, upper: null), lower: 1))),
            Term("at0005", "Value"))));

        var @event = WebTemplateBuilder.Build(Parse(twice)).FindByFlatPath("test/obs/any_event")!;
        Assert.Equal(["value", "value2", "time"], @event.Children.Select(c => c.Id));
        Assert.Equal("at0005", @event.Child("value2")!.NodeId);
        Assert.Equal(0, @event.Child("value2")!.Min);
    }

    [Fact]
    public void Local_codes_list_their_terms_and_openehr_codes_their_rubrics()
    {
        var template = Build(ElementValue(
            $"""
             <children xsi:type="C_COMPLEX_OBJECT">
               <rm_type_name>DV_CODED_TEXT</rm_type_name>
               {Header}
               <attributes xsi:type="C_SINGLE_ATTRIBUTE">
                 <rm_attribute_name>defining_code</rm_attribute_name>
                 <existence>{Interval(1, 1)}</existence>
                 <children xsi:type="C_CODE_PHRASE">
                   <rm_type_name>CODE_PHRASE</rm_type_name>
                   {Header}
                   <terminology_id><value>local</value></terminology_id>
                   <code_list>at0010</code_list>
                   <code_list>at0011</code_list>
                 </children>
               </attributes>
             </children>
             """,
            terms: Term("at0010", "Left") + Term("at0011", "Right")));

        var coded = Event(template).Child("value")!;
        var code = Assert.Single(coded.Inputs);
        Assert.Equal(("code", "CODED_TEXT", "local"), (code.Suffix, code.Type, code.Terminology));
        Assert.Equal(["at0010", "at0011"], code.List.Select(v => v.Value));
        Assert.Equal("Left", code.List[0].Label);
        Assert.Equal("Left described", code.List[0].LocalizedDescriptions["en"]);
        Assert.Empty(coded.Children);
    }

    [Fact]
    public void Openehr_codes_are_labelled_with_their_rubrics()
    {
        var template = Build(Template(Single("category", $"""
            <children xsi:type="C_COMPLEX_OBJECT">
              <rm_type_name>DV_CODED_TEXT</rm_type_name>
              {Header}
              <attributes xsi:type="C_SINGLE_ATTRIBUTE">
                <rm_attribute_name>defining_code</rm_attribute_name>
                <existence>{Interval(1, 1)}</existence>
                <children xsi:type="C_CODE_PHRASE">
                  <rm_type_name>CODE_PHRASE</rm_type_name>
                  {Header}
                  <terminology_id><value>openehr</value></terminology_id>
                  <code_list>433</code_list>
                </children>
              </attributes>
            </children>
            """, existenceLower: 1)));

        var category = template.Tree.Child("category")!;
        var code = Assert.Single(category.Inputs);
        Assert.Equal(("code", "CODED_TEXT", "openehr"), (code.Suffix, code.Type, code.Terminology));
        var @event = Assert.Single(code.List);
        Assert.Equal(("433", "event"), (@event.Value, @event.Label));
        Assert.Equal("event", @event.LocalizedLabels["en"]);
        Assert.True(category.InContext);
        Assert.Equal("/category", category.AqlPath);
    }

    [Fact]
    public void A_duration_pattern_selects_its_parts()
    {
        var template = Build(ElementValue(
            $"""
             <children xsi:type="C_COMPLEX_OBJECT">
               <rm_type_name>DV_DURATION</rm_type_name>
               {Header}
               <attributes xsi:type="C_SINGLE_ATTRIBUTE">
                 <rm_attribute_name>value</rm_attribute_name>
                 <existence>{Interval(1, 1)}</existence>
                 {Primitive("DURATION", """<item xsi:type="C_DURATION"><pattern>PYM</pattern></item>""")}
               </attributes>
             </children>
             """));

        var duration = Event(template).Child("value")!;
        Assert.Equal(["year", "month"], duration.Inputs.Select(i => i.Suffix));
        Assert.All(duration.Inputs, i => Assert.Equal(new WebTemplateInterval(0, ">=", null, null, IsInteger: true), i.Validation!.Range));
    }

    [Fact]
    public void A_name_the_template_fixes_names_the_node_and_its_path()
    {
        var named = ElementValue(Quantity).Replace(
            "<node_id>at0004</node_id>",
            $"""
             <node_id>at0004</node_id>
             {Single("name", $"""
                 <children xsi:type="C_COMPLEX_OBJECT">
                   <rm_type_name>DV_TEXT</rm_type_name>
                   {Header}
                   {Single("value", Primitive("STRING", "<item xsi:type=\"C_STRING\"><list>Systolic pressure</list></item>"), existenceLower: 1)}
                 </children>
                 """, existenceLower: 1)}
             """);

        var value = Event(Build(named)).Child("systolic_pressure")!;
        Assert.Equal("Systolic pressure", value.Name);
        Assert.Equal("Systolic pressure", value.LocalizedNames["en"]);
        Assert.Equal(ValuePath.Replace("items[at0004]", "items[at0004 and name/value='Systolic pressure']"), value.AqlPath);
    }

    [Fact]
    public void The_json_is_the_sdks()
    {
        var json = WebTemplateJson.ToJson(Build(ElementValue(Quantity)));

        Assert.Contains("\"templateId\":\"test.v1\",\"version\":\"2.3\",\"defaultLanguage\":\"en\",\"languages\":[\"en\"]", json);
        Assert.Contains("\"range\":{\"min\":0.0,\"minOp\":\">=\",\"max\":1000.0,\"maxOp\":\"<\"}", json);
        Assert.Contains("\"precision\":{\"min\":0,\"minOp\":\">=\",\"max\":0,\"maxOp\":\"<=\"}", json);
        Assert.StartsWith("{\"templateId\"", json);
        Assert.DoesNotContain("\"aqlPath\":\"\"", json);
    }

    [Theory]
    [InlineData("Blood pressure", "blood_pressure")]
    [InlineData("24 hour average", "a24_hour_average")]
    [InlineData("SpO₂", "spo")]
    [InlineData("Körpertemperatur (rektal)", "körpertemperatur_rektal")]
    [InlineData("Labortest-Bezeichnung", "labortest-bezeichnung")]
    [InlineData("Bezeichnung des Symptoms oder Anzeichens.", "bezeichnung_des_symptoms_oder_anzeichens.")]
    [InlineData("Problem/Diagnose", "problem_diagnose")]
    [InlineData("  a _ b  ", "a___b")]
    public void Ids_are_the_sdks_snake_case(string name, string id) => Assert.Equal(id, FlatIds.FromName(name));

    [Fact]
    public void Languages_come_in_the_order_of_a_java_hash_set() =>
        Assert.Equal(["de", "fi", "en", "ar-sy"], JavaHashOrder.Of(["de", "en", "ar-sy", "fi"]));

    [Fact]
    public void Aql_paths_quote_names()
    {
        var path = AqlPath.Empty.Add("content").WithLastNodeId("openEHR-EHR-SECTION.adhoc.v1").WithLastName("Patient's \\ notes").Add("items");
        Assert.Equal("/content[openEHR-EHR-SECTION.adhoc.v1 and name/value='Patient\\'s \\\\ notes']/items", path.Format(true));
        Assert.Equal("/content[openEHR-EHR-SECTION.adhoc.v1]/items", path.Format(false));
        Assert.True(path.Equals(AqlPath.Empty.Add("content").WithLastNodeId("openEHR-EHR-SECTION.adhoc.v1").Add("items"), withNames: false));
        Assert.Equal("", AqlPath.Empty.Format(true));
        Assert.Equal(Encoding.UTF8.GetByteCount(path.ToString()), Encoding.UTF8.GetByteCount(path.Format(true)));
    }
}
