using System.Text;
using Fkj.Cdr.Templates.Opt;
using Fkj.Cdr.Templates.Opt.Parsing;

namespace Fkj.Cdr.Templates.Tests.Support;

/// <summary>
/// Small OPT documents for unit tests, written out in full where the test reads them and assembled
/// from these pieces where only one constraint matters. The pieces are the XML the tools write.
/// </summary>
public static class OptText
{
    public static OperationalTemplate Parse(string opt) => OptParser.Parse(Encoding.UTF8.GetBytes(opt));

    public static OptParseException Refuse(string opt) =>
        Assert.Throws<OptParseException>(() => OptParser.Parse(Encoding.UTF8.GetBytes(opt)));

    public static OptError RefuseOnce(string opt) => Assert.Single(Refuse(opt).Errors);

    /// <summary>An interval element's content: <c>upper</c> null is unbounded.</summary>
    public static string Interval(int lower, int? upper) =>
        $"<lower_included>true</lower_included><upper_included>{(upper is null ? "false" : "true")}</upper_included>" +
        $"<lower_unbounded>false</lower_unbounded><upper_unbounded>{(upper is null ? "true" : "false")}</upper_unbounded>" +
        $"<lower>{lower}</lower>{(upper is null ? "" : $"<upper>{upper}</upper>")}";

    public static string Occurrences(int lower, int? upper) => $"<occurrences>{Interval(lower, upper)}</occurrences>";

    public static string Single(string name, string children, int existenceLower = 0) =>
        $"""
         <attributes xsi:type="C_SINGLE_ATTRIBUTE">
           <rm_attribute_name>{name}</rm_attribute_name>
           <existence>{Interval(existenceLower, 1)}</existence>
           {children}
         </attributes>
         """;

    public static string Multiple(string name, string children, int lower = 0, int? upper = null, bool ordered = false) =>
        $"""
         <attributes xsi:type="C_MULTIPLE_ATTRIBUTE">
           <rm_attribute_name>{name}</rm_attribute_name>
           <existence>{Interval(0, 1)}</existence>
           {children}
           <cardinality>
             <is_ordered>{(ordered ? "true" : "false")}</is_ordered>
             <is_unique>false</is_unique>
             <interval>{Interval(lower, upper)}</interval>
           </cardinality>
         </attributes>
         """;

    public static string Complex(string rmType, string nodeId, string attributes = "", int lower = 1, int? upper = 1) =>
        $"""
         <children xsi:type="C_COMPLEX_OBJECT">
           <rm_type_name>{rmType}</rm_type_name>
           {Occurrences(lower, upper)}
           <node_id>{nodeId}</node_id>
           {attributes}
         </children>
         """;

    public static string Primitive(string rmType, string item) =>
        $"""
         <children xsi:type="C_PRIMITIVE_OBJECT">
           <rm_type_name>{rmType}</rm_type_name>
           {Occurrences(1, 1)}
           <node_id/>
           {item}
         </children>
         """;

    public static string Term(string code, string text) =>
        $"""<term_definitions code="{code}"><items id="text">{text}</items><items id="description">{text} described</items></term_definitions>""";

    /// <summary>
    /// A template <c>test.v1</c> in English whose definition is the archetype root
    /// <c>openEHR-EHR-COMPOSITION.test.v1</c> (at0000 "Test") with <paramref name="attributes"/>.
    /// </summary>
    public static string Template(string attributes, string terms = "", string afterDefinition = "") =>
        $"""
         <?xml version="1.0" encoding="utf-8"?>
         <template xmlns="http://schemas.openehr.org/v1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
           <language><terminology_id><value>ISO_639-1</value></terminology_id><code_string>en</code_string></language>
           <uid><value>11111111-2222-3333-4444-555555555555</value></uid>
           <template_id><value>test.v1</value></template_id>
           <concept>Test</concept>
           <definition>
             <rm_type_name>COMPOSITION</rm_type_name>
             {Occurrences(1, 1)}
             <node_id>at0000</node_id>
             {attributes}
             <archetype_id><value>openEHR-EHR-COMPOSITION.test.v1</value></archetype_id>
             <template_id><value>test.v1</value></template_id>
             {Term("at0000", "Test")}
             {terms}
           </definition>
           {afterDefinition}
         </template>
         """;

    /// <summary>
    /// An OBSERVATION <c>openEHR-EHR-OBSERVATION.obs.v1</c> (at0000 "Obs") in the composition's content:
    /// data HISTORY at0001, events EVENT at0002, data ITEM_TREE at0003, items ELEMENT at0004 "Value",
    /// whose <c>value</c> attribute holds <paramref name="valueChildren"/>. <paramref name="terms"/>
    /// are added to the observation's terminology.
    /// </summary>
    public static string ElementValue(string valueChildren, string terms = "", string afterDefinition = "") =>
        Template(Multiple("content", Observation(
                Single("data", Complex("HISTORY", "at0001",
                    Multiple("events", Complex("EVENT", "at0002",
                        Single("data", Complex("ITEM_TREE", "at0003",
                            Multiple("items", Complex("ELEMENT", "at0004",
                                Single("value", valueChildren))))), lower: 0, upper: null), lower: 1))),
                terms)),
            afterDefinition: afterDefinition);

    /// <summary>The path of the element value in <see cref="ElementValue"/>.</summary>
    public const string ValuePath = "/content[openEHR-EHR-OBSERVATION.obs.v1]/data[at0001]/events[at0002]/data[at0003]/items[at0004]/value";

    public static string Observation(string attributes, string terms = "", string archetypeId = "openEHR-EHR-OBSERVATION.obs.v1") =>
        $"""
         <children xsi:type="C_ARCHETYPE_ROOT">
           <rm_type_name>OBSERVATION</rm_type_name>
           {Occurrences(0, null)}
           <node_id>at0000</node_id>
           {attributes}
           <archetype_id><value>{archetypeId}</value></archetype_id>
           {Term("at0000", "Obs")}
           {Term("at0001", "History")}
           {Term("at0002", "Any event")}
           {Term("at0003", "Tree")}
           {Term("at0004", "Value")}
           {terms}
         </children>
         """;
}
