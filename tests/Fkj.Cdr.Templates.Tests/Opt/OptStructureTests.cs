using Fkj.Cdr.Templates.Opt;
using Fkj.Cdr.Templates.Opt.Constraints;
using static Fkj.Cdr.Templates.Tests.Support.OptText;

namespace Fkj.Cdr.Templates.Tests.Opt;

/// <summary>Complex objects, attributes, archetype roots and their terminology, slots and references.</summary>
public class OptStructureTests
{
    [Fact]
    public void Occurrences_existence_and_cardinality_are_read_with_unbounded_as_null()
    {
        var template = Parse(Template(
            Multiple("content", Observation(Single("data", Complex("HISTORY", "at0001"), existenceLower: 1)), lower: 1, upper: 3, ordered: true)));

        var content = template.Definition.Attribute("content")!;
        Assert.True(content.IsMultiple);
        Assert.Equal(new Interval<int>(0, 1), content.Existence);
        Assert.Equal(new Cardinality(new Interval<int>(1, 3), IsOrdered: true, IsUnique: false), content.Cardinality);

        var observation = Assert.IsType<CArchetypeRoot>(Assert.Single(content.Children));
        Assert.Equal(new Interval<int>(0, null, true, false), observation.Occurrences);
        Assert.Null(observation.Occurrences.Upper);
        Assert.True(observation.Occurrences.Contains(1000));

        var data = observation.Attribute("data")!;
        Assert.False(data.IsMultiple);
        Assert.Null(data.Cardinality);
        Assert.Equal(new Interval<int>(1, 1), data.Existence);
    }

    [Fact]
    public void Nodes_know_their_path_parent_owner_and_archetype_root()
    {
        var template = Parse(ElementValue(Complex("DV_TEXT", "")));

        var nodes = template.Nodes().ToList();
        Assert.Equal(
            [
                "/",
                "/content[openEHR-EHR-OBSERVATION.obs.v1]",
                "/content[openEHR-EHR-OBSERVATION.obs.v1]/data[at0001]",
                "/content[openEHR-EHR-OBSERVATION.obs.v1]/data[at0001]/events[at0002]",
                "/content[openEHR-EHR-OBSERVATION.obs.v1]/data[at0001]/events[at0002]/data[at0003]",
                "/content[openEHR-EHR-OBSERVATION.obs.v1]/data[at0001]/events[at0002]/data[at0003]/items[at0004]",
                ValuePath,
            ],
            nodes.Select(n => n.Path));

        var observation = Assert.IsType<CArchetypeRoot>(nodes[1]);
        Assert.Equal("openEHR-EHR-OBSERVATION.obs.v1", observation.NodeId);
        Assert.Equal("at0000", observation.RootNodeId);
        Assert.Same(observation, observation.ArchetypeRoot);
        Assert.Same(template.Definition, observation.Parent!.Owner);
        Assert.Equal("content", observation.Parent.RmAttributeName);

        var text = nodes[^1];
        Assert.Equal("DV_TEXT", text.RmTypeName);
        Assert.Equal("", text.NodeId);
        Assert.Same(observation, text.ArchetypeRoot);
        Assert.Equal("ELEMENT", text.Parent!.Owner.RmTypeName);
        Assert.Equal("Value", observation.Terminology.Term(text.Parent.Owner.NodeId, template.Language)!.Text);
    }

    [Fact]
    public void An_archetype_root_carries_its_terminology_with_bindings()
    {
        var template = Parse(Template(
            Multiple("content", Observation("",
                """
                <constraint_definitions code="ac0001"><items id="text">Any procedure</items></constraint_definitions>
                <term_bindings terminology="SNOMED-CT">
                  <items code="at0004">
                    <value><terminology_id><value>SNOMED-CT</value></terminology_id><code_string>271649006</code_string></value>
                  </items>
                </term_bindings>
                <constraint_bindings terminology="SNOMED-CT">
                  <items code="ac0001"><value>terminology:SNOMED-CT?subset=procedures</value></items>
                </constraint_bindings>
                """))));

        var observation = Assert.IsType<CArchetypeRoot>(template.Nodes().ElementAt(1));
        var terminology = observation.Terminology;
        Assert.Equal(["at0000", "at0001", "at0002", "at0003", "at0004"], terminology.Terms["en"].Keys.Order());
        Assert.Equal("Any event described", terminology.Terms["en"]["at0002"].Description);
        Assert.Equal("Any procedure", terminology.ConstraintTerms["en"]["ac0001"].Text);
        var binding = terminology.TermBindings["SNOMED-CT"]["at0004"];
        Assert.Equal(("SNOMED-CT", "271649006"), (binding.TerminologyId.Value, binding.CodeString));
        Assert.Equal("terminology:SNOMED-CT?subset=procedures", terminology.ConstraintBindings["SNOMED-CT"]["ac0001"]);
        Assert.Equal(["at0000"], template.Definition.Terminology.Terms["en"].Keys);
    }

    [Fact]
    public void A_slot_keeps_its_expressions_as_written_or_rendered_from_the_parsed_form()
    {
        var template = Parse(Template(
            Multiple("content", Observation(Single("protocol", Complex("ITEM_TREE", "at0003", Multiple("items",
                """
                <children xsi:type="ARCHETYPE_SLOT">
                  <rm_type_name>CLUSTER</rm_type_name>
                  <occurrences>
                    <lower_included>true</lower_included><lower_unbounded>false</lower_unbounded><upper_unbounded>true</upper_unbounded><lower>0</lower>
                  </occurrences>
                  <node_id>at0005</node_id>
                  <includes>
                    <string_expression>archetype_id/value matches {/openEHR-EHR-CLUSTER\.device(-[a-zA-Z0-9_]+)*\.v1/}</string_expression>
                    <expression xsi:type="EXPR_BINARY_OPERATOR">
                      <type>Boolean</type><operator>2007</operator><precedence_overridden>false</precedence_overridden>
                      <left_operand xsi:type="EXPR_LEAF"><type>String</type><item xsi:type="xs:string" xmlns:xs="http://www.w3.org/2001/XMLSchema">archetype_id/value</item><reference_type>attribute</reference_type></left_operand>
                      <right_operand xsi:type="EXPR_LEAF"><type>C_STRING</type><item xsi:type="C_STRING"><pattern>openEHR-EHR-CLUSTER\.device(-[a-zA-Z0-9_]+)*\.v1</pattern></item><reference_type>constraint</reference_type></right_operand>
                    </expression>
                  </includes>
                  <excludes>
                    <expression xsi:type="EXPR_BINARY_OPERATOR">
                      <type>Boolean</type><operator>2007</operator><precedence_overridden>false</precedence_overridden>
                      <left_operand xsi:type="EXPR_LEAF"><type>String</type><item xsi:type="xs:string" xmlns:xs="http://www.w3.org/2001/XMLSchema">archetype_id/value</item><reference_type>attribute</reference_type></left_operand>
                      <right_operand xsi:type="EXPR_LEAF"><type>C_STRING</type><item xsi:type="C_STRING"><pattern>.*</pattern></item><reference_type>constraint</reference_type></right_operand>
                    </expression>
                  </excludes>
                </children>
                """))), terms: Term("at0005", "Device")))));

        var slot = Assert.Single(template.Nodes().OfType<ArchetypeSlot>());
        Assert.Equal("CLUSTER", slot.RmTypeName);
        Assert.Equal("/content[openEHR-EHR-OBSERVATION.obs.v1]/protocol[at0003]/items[at0005]", slot.Path);
        Assert.Equal(new Interval<int>(0, null, true, false), slot.Occurrences);
        Assert.Equal([@"archetype_id/value matches {/openEHR-EHR-CLUSTER\.device(-[a-zA-Z0-9_]+)*\.v1/}"], slot.Includes);
        Assert.Equal(["archetype_id/value matches {/.*/}"], slot.Excludes);
    }

    private const string Reference = """
        <children xsi:type="ARCHETYPE_INTERNAL_REF">
          <rm_type_name>ITEM_TREE</rm_type_name>
          <occurrences>
            <lower_included>true</lower_included><upper_included>true</upper_included>
            <lower_unbounded>false</lower_unbounded><upper_unbounded>false</upper_unbounded><lower>0</lower><upper>1</upper>
          </occurrences>
          <node_id/>
          <target_path>TARGET</target_path>
        </children>
        """;

    private static string WithReference(string target) =>
        ElementValue(Complex("DV_TEXT", "")).Replace(
            "<archetype_id><value>openEHR-EHR-OBSERVATION.obs.v1</value></archetype_id>",
            Single("protocol", Reference.Replace("TARGET", target)) + "<archetype_id><value>openEHR-EHR-OBSERVATION.obs.v1</value></archetype_id>");

    [Fact]
    public void An_internal_reference_resolves_against_its_archetype_root()
    {
        var template = Parse(WithReference("/data[at0001]/events[at0002]/data[at0003]"));

        var reference = Assert.Single(template.Nodes().OfType<ArchetypeInternalRef>());
        Assert.Equal("/content[openEHR-EHR-OBSERVATION.obs.v1]/protocol", reference.Path);
        Assert.Equal("/data[at0001]/events[at0002]/data[at0003]", reference.TargetPath);
        var target = Assert.IsType<CComplexObject>(reference.Target);
        Assert.Equal("/content[openEHR-EHR-OBSERVATION.obs.v1]/data[at0001]/events[at0002]/data[at0003]", target.Path);
        Assert.Equal("ITEM_TREE", target.RmTypeName);
    }

    [Fact]
    public void A_constraint_reference_keeps_its_ac_code()
    {
        var template = Parse(ElementValue(Complex("DV_CODED_TEXT", "", Single("defining_code",
            """
            <children xsi:type="CONSTRAINT_REF">
              <rm_type_name>CODE_PHRASE</rm_type_name>
              <occurrences>
                <lower_included>true</lower_included><upper_included>true</upper_included>
                <lower_unbounded>false</lower_unbounded><upper_unbounded>false</upper_unbounded><lower>1</lower><upper>1</upper>
              </occurrences>
              <node_id/>
              <reference>ac0001</reference>
            </children>
            """, existenceLower: 1))));

        var reference = Assert.Single(template.Nodes().OfType<ConstraintRef>());
        Assert.Equal("ac0001", reference.Reference);
        Assert.Equal(ValuePath + "/defining_code", reference.Path);
    }

    [Fact]
    public void Pseudo_attributes_that_tools_constrain_are_accepted()
    {
        // DV_PROPORTION.is_integral is an RM function, which Template Designer lets authors constrain.
        var template = Parse(ElementValue(Complex("DV_PROPORTION", "", Single("is_integral", Primitive("BOOLEAN",
            """<item xsi:type="C_BOOLEAN"><true_valid>true</true_valid><false_valid>false</false_valid></item>""")))));

        var proportion = Assert.IsType<CComplexObject>(template.Nodes().Last(n => n.RmTypeName == "DV_PROPORTION"));
        Assert.NotNull(proportion.Attribute("is_integral"));
    }
}
