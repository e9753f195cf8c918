using System.Text;
using Fkj.Cdr.Templates.Opt.Parsing;
using static Fkj.Cdr.Templates.Tests.Support.OptText;

namespace Fkj.Cdr.Templates.Tests.Opt;

/// <summary>Documents that are not OPTs, and OPTs whose constraints are inconsistent, are refused with a located reason.</summary>
public class OptErrorTests
{
    private static string Value(string children) => ElementValue(children);

    [Fact]
    public void An_empty_document_is_refused()
    {
        var error = Assert.Single(Assert.Throws<OptParseException>(() => OptParser.Parse(ReadOnlySpan<byte>.Empty)).Errors);
        Assert.Equal(OptErrorCodes.EmptyDocument, error.Code);
    }

    [Fact]
    public void Malformed_xml_is_a_syntax_error_at_its_position()
    {
        var error = RefuseOnce("<template xmlns=\"http://schemas.openehr.org/v1\">\n  <concept>x</concpt>\n</template>");

        Assert.Equal(OptErrorCodes.Syntax, error.Code);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void A_dtd_is_refused()
    {
        var error = RefuseOnce("""
            <?xml version="1.0"?>
            <!DOCTYPE template [<!ENTITY boom "boom">]>
            <template xmlns="http://schemas.openehr.org/v1"><concept>&boom;</concept></template>
            """);

        Assert.Equal(OptErrorCodes.Syntax, error.Code);
        Assert.Equal("a DTD is not allowed in an operational template", error.Message);
    }

    [Fact]
    public void A_composition_is_not_a_template()
    {
        var error = RefuseOnce("""<composition xmlns="http://schemas.openehr.org/v1" archetype_node_id="openEHR-EHR-COMPOSITION.x.v1"/>""");

        Assert.Equal(OptErrorCodes.NotATemplate, error.Code);
        Assert.Equal("the root element is <composition> in namespace 'http://schemas.openehr.org/v1', not an operational template's <template> in namespace 'http://schemas.openehr.org/v1'", error.Message);
    }

    [Fact]
    public void A_template_designer_source_is_not_an_operational_template()
    {
        var error = RefuseOnce("""<template xmlns="openEHR/v1/Template"><id>x</id></template>""");

        Assert.Equal(OptErrorCodes.NotATemplate, error.Code);
        Assert.Contains(".oet", error.Message);
    }

    [Fact]
    public void An_alien_element_deep_in_the_definition_is_a_located_warning()
    {
        var opt = Value(Complex("DV_TEXT", "", "<colour>red</colour>"));
        var line = opt.Split('\n').ToList().FindIndex(l => l.Contains("<colour>")) + 1;

        var warning = Assert.Single(OptParser.Parse(System.Text.Encoding.UTF8.GetBytes(opt)).Warnings);

        Assert.Equal(OptErrorCodes.UnknownElement, warning.Code);
        Assert.Equal("unknown element <colour> in C_COMPLEX_OBJECT ignored, with its content", warning.Message);
        Assert.Equal(line, warning.Line);
        Assert.Equal(
            "/template/definition/attributes/children/attributes/children/attributes/children/attributes/children/attributes/children/attributes/children/colour",
            warning.Path);
    }

    [Fact]
    public void An_element_in_a_foreign_namespace_is_alien()
    {
        var error = RefuseOnce(Value(Complex("DV_TEXT", "", """<x:note xmlns:x="urn:example">hi</x:note>""")));

        Assert.Equal(OptErrorCodes.UnknownElement, error.Code);
        Assert.Equal("element <note> in namespace 'urn:example' is not allowed in C_COMPLEX_OBJECT", error.Message);
    }

    [Fact]
    public void An_unknown_rm_type_is_named()
    {
        var error = RefuseOnce(Value(Complex("DV_TXT", "")));

        Assert.Equal(OptErrorCodes.UnknownRmType, error.Code);
        Assert.Equal("'DV_TXT' is not a type of the openEHR Reference Model", error.Message);
        Assert.Equal(ValuePath, error.NodePath);
    }

    [Fact]
    public void Generic_parameters_are_ignored_when_looking_up_a_type()
    {
        var template = Parse(Value(Complex("DV_INTERVAL&lt;DV_COUNT&gt;", "", Single("lower", Complex("DV_COUNT", "")))));

        Assert.Contains(template.Nodes(), n => n.RmTypeName == "DV_INTERVAL<DV_COUNT>");
    }

    [Fact]
    public void An_attribute_the_rm_type_does_not_have_is_named()
    {
        var error = RefuseOnce(Value(Complex("DV_TEXT", "", Single("valeu", Primitive("STRING", """<item xsi:type="C_STRING"><list>x</list></item>""")))));

        Assert.Equal(OptErrorCodes.UnknownRmAttribute, error.Code);
        Assert.Equal("DV_TEXT has no attribute 'valeu'", error.Message);
        Assert.Equal(ValuePath + "/valeu", error.NodePath);
    }

    [Fact]
    public void Occurrences_with_lower_above_upper_are_inconsistent()
    {
        var error = RefuseOnce(Value(Complex("DV_TEXT", "", lower: 3, upper: 1)));

        Assert.Equal(OptErrorCodes.InvalidInterval, error.Code);
        Assert.Equal("occurrences 3..1 is inconsistent: the lower bound is greater than the upper bound", error.Message);
    }

    [Fact]
    public void Existence_beyond_one_is_inconsistent()
    {
        var opt = Value(Complex("DV_TEXT", "")).Replace(
            "<rm_attribute_name>value</rm_attribute_name>\n  <existence><lower_included>true</lower_included><upper_included>true</upper_included><lower_unbounded>false</lower_unbounded><upper_unbounded>false</upper_unbounded><lower>0</lower><upper>1</upper></existence>",
            "<rm_attribute_name>value</rm_attribute_name>\n  <existence><lower_included>true</lower_included><upper_included>true</upper_included><lower_unbounded>false</lower_unbounded><upper_unbounded>false</upper_unbounded><lower>0</lower><upper>2</upper></existence>");
        Assert.Contains("<upper>2</upper></existence>", opt);

        var error = RefuseOnce(opt);

        Assert.Equal(OptErrorCodes.InvalidInterval, error.Code);
        Assert.Equal("existence 0..2 must lie within 0..1", error.Message);
    }

    [Fact]
    public void Cardinality_with_lower_above_upper_is_inconsistent()
    {
        var error = RefuseOnce(Template(Multiple("content", Observation(""), lower: 2, upper: 1)));

        Assert.Equal(OptErrorCodes.InvalidInterval, error.Code);
        Assert.Equal("cardinality 2..1 is inconsistent: the lower bound is greater than the upper bound", error.Message);
    }

    [Fact]
    public void An_interval_must_give_the_bound_it_says_it_has()
    {
        var error = RefuseOnce(Value(Complex("DV_TEXT", "")).Replace(
            "<lower>1</lower><upper>1</upper></occurrences>\n  <node_id></node_id>",
            "<upper>1</upper></occurrences>\n  <node_id></node_id>"));

        Assert.Equal(OptErrorCodes.InvalidInterval, error.Code);
        Assert.Equal("occurrences has lower_unbounded false but no lower bound", error.Message);
    }

    [Fact]
    public void An_attribute_constrained_twice_is_reported()
    {
        var error = RefuseOnce(Value(Complex("DV_TEXT", "", Single("value", "") + Single("value", ""))));

        Assert.Equal(OptErrorCodes.DuplicateElement, error.Code);
        Assert.Equal("DV_TEXT.value is constrained twice", error.Message);
    }

    [Fact]
    public void Children_need_an_xsi_type()
    {
        var error = RefuseOnce(Value("""<children><rm_type_name>DV_TEXT</rm_type_name></children>"""));

        Assert.Equal(OptErrorCodes.MissingType, error.Code);
    }

    [Fact]
    public void An_unknown_constraint_type_is_named()
    {
        var error = RefuseOnce(Value("""<children xsi:type="C_DV_TEXT"><rm_type_name>DV_TEXT</rm_type_name></children>"""));

        Assert.Equal(OptErrorCodes.UnknownConstraintType, error.Code);
        Assert.Equal("'C_DV_TEXT' is not a constraint type", error.Message);
        Assert.EndsWith("/@type", error.Path);
    }

    [Fact]
    public void A_node_id_without_a_term_is_undefined()
    {
        var error = RefuseOnce(Template(Multiple("content", Observation(Single("data", Complex("HISTORY", "at0099"))))));

        Assert.Equal(OptErrorCodes.UndefinedCode, error.Code);
        Assert.Equal("node_id at0099 is not defined in the terminology of openEHR-EHR-OBSERVATION.obs.v1", error.Message);
        Assert.Equal("/content[openEHR-EHR-OBSERVATION.obs.v1]/data[at0099]", error.NodePath);
    }

    [Fact]
    public void A_local_code_without_a_term_is_undefined()
    {
        var error = RefuseOnce(Value(Complex("DV_CODED_TEXT", "", Single("defining_code", """
            <children xsi:type="C_CODE_PHRASE">
              <rm_type_name>CODE_PHRASE</rm_type_name>
              <occurrences><lower_included>true</lower_included><upper_included>true</upper_included><lower_unbounded>false</lower_unbounded><upper_unbounded>false</upper_unbounded><lower>1</lower><upper>1</upper></occurrences>
              <node_id/>
              <terminology_id><value>local</value></terminology_id>
              <code_list>at0042</code_list>
            </children>
            """))));

        Assert.Equal(OptErrorCodes.UndefinedCode, error.Code);
        Assert.Equal("local code at0042 is not defined in the terminology of openEHR-EHR-OBSERVATION.obs.v1", error.Message);
    }

    [Fact]
    public void A_primitive_must_match_its_rm_type_name()
    {
        var errors = Refuse(Value(Complex("DV_TEXT", "", Single("value", Primitive("STRING", """<item xsi:type="C_INTEGER"><list>1</list></item>"""))))).Errors;

        Assert.Equal(
            [
                "C_PRIMITIVE_OBJECT of rm_type_name STRING holds a C_INTEGER, which constrains INTEGER",
                "DV_TEXT.value is Text, but is constrained by INTEGER",
            ],
            errors.Select(e => e.Message));
    }

    [Fact]
    public void A_primitive_must_suit_the_attribute()
    {
        var error = RefuseOnce(Value(Complex("DV_COUNT", "", Single("magnitude", Primitive("STRING", """<item xsi:type="C_STRING"><list>1</list></item>""")))));

        Assert.Equal(OptErrorCodes.TypeMismatch, error.Code);
        Assert.Equal("DV_COUNT.magnitude is Integer, but is constrained by STRING", error.Message);
    }

    [Fact]
    public void A_child_must_be_of_the_attribute_type()
    {
        var error = RefuseOnce(Template(Multiple("content", Observation(Single("data", Complex("ITEM_TREE", "at0001"))))));

        Assert.Equal(OptErrorCodes.TypeMismatch, error.Code);
        Assert.Equal("ITEM_TREE is not a HISTORY, which OBSERVATION.data holds", error.Message);
    }

    [Fact]
    public void A_container_must_be_constrained_by_a_multiple_attribute()
    {
        var error = RefuseOnce(Template(Multiple("content", Observation(Single("protocol", Complex("ITEM_TREE", "at0003", Single("items", "")))))));

        Assert.Equal(OptErrorCodes.TypeMismatch, error.Code);
        Assert.Equal("ITEM_TREE.items is a container, but is constrained by a C_SINGLE_ATTRIBUTE", error.Message);
    }

    [Fact]
    public void An_archetype_must_be_used_for_its_rm_type()
    {
        var error = RefuseOnce(Template(Multiple("content", Observation("", archetypeId: "openEHR-EHR-EVALUATION.obs.v1"))));

        Assert.Equal(OptErrorCodes.TypeMismatch, error.Code);
        Assert.Equal("archetype openEHR-EHR-EVALUATION.obs.v1 constrains EVALUATION, but its root's rm_type_name is OBSERVATION", error.Message);
    }

    [Fact]
    public void An_internal_reference_to_nothing_is_an_error()
    {
        var opt = Value(Complex("DV_TEXT", "")).Replace(
            "<archetype_id><value>openEHR-EHR-OBSERVATION.obs.v1</value></archetype_id>",
            Single("protocol", """
                <children xsi:type="ARCHETYPE_INTERNAL_REF">
                  <rm_type_name>ITEM_TREE</rm_type_name>
                  <occurrences><lower_included>true</lower_included><upper_included>true</upper_included><lower_unbounded>false</lower_unbounded><upper_unbounded>false</upper_unbounded><lower>0</lower><upper>1</upper></occurrences>
                  <node_id/>
                  <target_path>/data[at0001]/events[at0002]/data[at0009]</target_path>
                </children>
                """) + "<archetype_id><value>openEHR-EHR-OBSERVATION.obs.v1</value></archetype_id>");

        var error = RefuseOnce(opt);

        Assert.Equal(OptErrorCodes.UnresolvedPath, error.Code);
        Assert.Equal(
            "target_path /data[at0001]/events[at0002]/data[at0009] does not resolve in openEHR-EHR-OBSERVATION.obs.v1: /content[openEHR-EHR-OBSERVATION.obs.v1]/data[at0001]/events[at0002] has no child data[at0009]",
            error.Message);
        Assert.Equal("/content[openEHR-EHR-OBSERVATION.obs.v1]/protocol", error.NodePath);
    }

    [Fact]
    public void A_boolean_constraint_must_allow_something()
    {
        var error = RefuseOnce(Value(Complex("DV_BOOLEAN", "", Single("value", Primitive("BOOLEAN",
            """<item xsi:type="C_BOOLEAN"><true_valid>false</true_valid><false_valid>false</false_valid></item>""")))));

        Assert.Equal("C_BOOLEAN allows neither true nor false", error.Message);
    }

    [Fact]
    public void A_string_pattern_must_be_a_regular_expression()
    {
        var error = RefuseOnce(Value(Complex("DV_TEXT", "", Single("value", Primitive("STRING",
            """<item xsi:type="C_STRING"><pattern>[a-</pattern></item>""")))));

        Assert.Equal(OptErrorCodes.InvalidValue, error.Code);
        Assert.StartsWith("C_STRING pattern /[a-/ is not a valid regular expression", error.Message);
    }

    [Fact]
    public void A_duration_range_must_be_ordered()
    {
        var error = RefuseOnce(Value(Complex("DV_DURATION", "", Single("value", Primitive("DURATION", """
            <item xsi:type="C_DURATION">
              <range>
                <lower_included>true</lower_included><upper_included>true</upper_included>
                <lower_unbounded>false</lower_unbounded><upper_unbounded>false</upper_unbounded>
                <lower>P1Y</lower><upper>P6M</upper>
              </range>
            </item>
            """)))));

        Assert.Equal(OptErrorCodes.InvalidInterval, error.Code);
        Assert.Equal("C_DURATION range P1Y..P6M is inconsistent: the lower bound is greater than the upper bound", error.Message);
    }

    [Fact]
    public void Match_negated_is_not_supported()
    {
        var opt = Value(Complex("DV_TEXT", "")).Replace("<rm_attribute_name>value</rm_attribute_name>",
            "<rm_attribute_name>value</rm_attribute_name><match_negated>true</match_negated>");

        Assert.Equal(OptErrorCodes.Unsupported, RefuseOnce(opt).Code);
    }

    [Fact]
    public void Every_problem_is_reported_not_only_the_first()
    {
        var errors = Refuse(Value(Complex("DV_TXT", "", lower: 2, upper: 1) + Complex("DV_TEXT", "", Single("valeu", "")))).Errors;

        Assert.Equal([OptErrorCodes.InvalidInterval, OptErrorCodes.UnknownRmType, OptErrorCodes.UnknownRmAttribute], errors.Select(e => e.Code));
    }

    [Fact]
    public void Nesting_beyond_the_limit_is_refused()
    {
        var nested = new StringBuilder();
        // Each constraint level is two elements deep (attributes, children).
        for (var i = 0; i < ConstraintReader.MaxDepth + 20; i++) nested.Append("<attributes><children>");
        for (var i = 0; i < ConstraintReader.MaxDepth + 20; i++) nested.Append("</children></attributes>");

        var error = RefuseOnce(Template(nested.ToString()));

        Assert.Equal(OptErrorCodes.TooLarge, error.Code);
    }
}
