using Fkj.Cdr.Templates.Opt.Parsing;
using static Fkj.Cdr.Templates.Tests.Support.OptText;

namespace Fkj.Cdr.Templates.Tests.Opt;

/// <summary>The template header, description, annotations, view and the languages of its terminology.</summary>
public class OptHeaderTests
{
    private const string Header = """
        <?xml version="1.0" encoding="utf-8"?>
        <template xmlns="http://schemas.openehr.org/v1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
          <language><terminology_id><value>ISO_639-1</value></terminology_id><code_string>nb</code_string></language>
          <description>
            <original_author id="name">Kari Nordmann</original_author>
            <original_author id="organisation">Fkj</original_author>
            <other_contributors>Ola Nordmann</other_contributors>
            <lifecycle_state>Initial</lifecycle_state>
            <other_details id="build_uid">b-1</other_details>
            <details>
              <language><terminology_id><value>ISO_639-1</value></terminology_id><code_string>nb</code_string></language>
              <purpose>Testing</purpose>
              <keywords>test</keywords>
              <keywords>opt</keywords>
              <use>Unit tests</use>
              <misuse>Care</misuse>
            </details>
          </description>
          <uid><value>11111111-2222-3333-4444-555555555555</value></uid>
          <template_id><value>header.test.v1</value></template_id>
          <concept>Header test</concept>
          <definition>
            <rm_type_name>COMPOSITION</rm_type_name>
            <occurrences>
              <lower_included>true</lower_included><upper_included>true</upper_included>
              <lower_unbounded>false</lower_unbounded><upper_unbounded>false</upper_unbounded>
              <lower>1</lower><upper>1</upper>
            </occurrences>
            <node_id>at0000</node_id>
            <attributes xsi:type="C_SINGLE_ATTRIBUTE">
              <rm_attribute_name>category</rm_attribute_name>
              <existence>
                <lower_included>true</lower_included><upper_included>true</upper_included>
                <lower_unbounded>false</lower_unbounded><upper_unbounded>false</upper_unbounded>
                <lower>1</lower><upper>1</upper>
              </existence>
            </attributes>
            <archetype_id><value>openEHR-EHR-COMPOSITION.header.v1</value></archetype_id>
            <term_definitions code="at0000">
              <items id="text">Topptekst</items>
              <items id="description">En test</items>
            </term_definitions>
          </definition>
          <ontology archetype_id="openEHR-EHR-COMPOSITION.header.v1">
            <term_definitions language="en">
              <items code="at0000"><items id="text">Header</items><items id="description">A test</items></items>
            </term_definitions>
            <term_definitions language="sv">
              <items code="at0000"><items id="text">Rubrik</items></items>
            </term_definitions>
          </ontology>
          <annotations path="[openEHR-EHR-COMPOSITION.header.v1]/category">
            <items id="comment">Always event</items>
          </annotations>
          <annotations path="[openEHR-EHR-COMPOSITION.header.v1]/category">
            <items id="fhir_mapping">Composition.type</items>
          </annotations>
          <view>
            <constraints path="[openEHR-EHR-COMPOSITION.header.v1]/context">
              <items id="pass_through"><value>true</value></items>
            </constraints>
          </view>
        </template>
        """;

    [Fact]
    public void The_header_is_read()
    {
        var template = Parse(Header);

        Assert.Equal("header.test.v1", template.TemplateId);
        Assert.Equal("11111111-2222-3333-4444-555555555555", template.Uid);
        Assert.Equal("Header test", template.Concept);
        Assert.Equal("nb", template.Language);
        Assert.Equal("openEHR-EHR-COMPOSITION.header.v1", template.Definition.ArchetypeId);
        Assert.Equal("at0000", template.Definition.RootNodeId);
        Assert.Equal("openEHR-EHR-COMPOSITION.header.v1", template.Definition.NodeId);
        Assert.Null(template.Definition.TemplateId);
    }

    [Fact]
    public void The_description_is_read()
    {
        var description = Parse(Header).Description!;

        Assert.Equal("Kari Nordmann", description.OriginalAuthor["name"]);
        Assert.Equal("Fkj", description.OriginalAuthor["organisation"]);
        Assert.Equal(["Ola Nordmann"], description.OtherContributors);
        Assert.Equal("Initial", description.LifecycleState);
        Assert.Equal("b-1", description.OtherDetails["build_uid"]);
        var details = Assert.Single(description.Details);
        Assert.Equal(("nb", "Testing", "Unit tests", "Care", (string?)null), (details.Language, details.Purpose, details.Use, details.Misuse, details.Copyright));
        Assert.Equal(["test", "opt"], details.Keywords);
    }

    [Fact]
    public void Languages_are_the_original_then_those_of_the_ontologies()
    {
        var template = Parse(Header);

        Assert.Equal(["nb", "en", "sv"], template.Languages);
        var terms = template.Definition.Terminology.Terms;
        Assert.Equal("Topptekst", terms["nb"]["at0000"].Text);
        Assert.Equal("Header", terms["en"]["at0000"].Text);
        Assert.Equal("A test", terms["en"]["at0000"].Description);
        Assert.Null(terms["sv"]["at0000"].Description);
        Assert.Equal("Rubrik", template.Definition.Terminology.Term("at0000", "sv")!.Text);
    }

    [Fact]
    public void Annotations_for_one_path_are_merged_and_the_view_is_read()
    {
        var template = Parse(Header);

        var annotations = Assert.Single(template.Annotations);
        Assert.Equal("[openEHR-EHR-COMPOSITION.header.v1]/category", annotations.Key);
        Assert.Equal("Always event", annotations.Value["comment"]);
        Assert.Equal("Composition.type", annotations.Value["fhir_mapping"]);
        Assert.Equal("true", template.View["[openEHR-EHR-COMPOSITION.header.v1]/context"]["pass_through"]);
    }

    [Fact]
    public void An_ontology_for_an_archetype_the_template_does_not_use_is_an_error()
    {
        var error = RefuseOnce(Header.Replace(
            "<ontology archetype_id=\"openEHR-EHR-COMPOSITION.header.v1\">",
            "<ontology archetype_id=\"openEHR-EHR-COMPOSITION.other.v1\">"));

        Assert.Equal(OptErrorCodes.UnresolvedPath, error.Code);
        Assert.Equal("<ontology> gives the terminology of openEHR-EHR-COMPOSITION.other.v1, which the definition does not use", error.Message);
    }

    [Fact]
    public void Header_elements_may_come_in_any_order()
    {
        // The schema's sequence puts uid before template_id; tools differ, and nothing depends on it.
        var swapped = Header.Replace(
            "<uid><value>11111111-2222-3333-4444-555555555555</value></uid>\n  <template_id><value>header.test.v1</value></template_id>",
            "<template_id><value>header.test.v1</value></template_id>\n  <uid><value>11111111-2222-3333-4444-555555555555</value></uid>");
        Assert.NotEqual(Header, swapped);

        Assert.Equal("header.test.v1", Parse(swapped).TemplateId);
    }

    [Fact]
    public void A_repeated_header_element_is_reported_where_it_repeats()
    {
        var lines = Header.Split('\n').ToList();
        var concept = lines.FindIndex(l => l.Contains("<concept>"));
        lines.Insert(concept + 1, "  <concept>Again</concept>");

        var error = RefuseOnce(string.Join('\n', lines));

        Assert.Equal(OptErrorCodes.DuplicateElement, error.Code);
        Assert.Equal("<concept> may appear only once in OPERATIONAL_TEMPLATE", error.Message);
        Assert.Equal("/template/concept[2]", error.Path);
        // 1-based; XML readers place an element at its name, just after the '<' in column 3.
        Assert.Equal((concept + 2, 4), (error.Line, error.Column));
    }

    [Fact]
    public void Every_missing_mandatory_element_is_reported()
    {
        var errors = Refuse("""<template xmlns="http://schemas.openehr.org/v1"><description><lifecycle_state>x</lifecycle_state></description></template>""").Errors;

        Assert.Equal(
            [
                "OPERATIONAL_TEMPLATE <template> requires <language>",
                "OPERATIONAL_TEMPLATE <template> requires <template_id>",
                "OPERATIONAL_TEMPLATE <template> requires <concept>",
                "OPERATIONAL_TEMPLATE <template> requires <definition>",
            ],
            errors.Select(e => e.Message));
        Assert.All(errors, e => Assert.Equal(OptErrorCodes.MissingElement, e.Code));
    }
}
