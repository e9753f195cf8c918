using Fkj.Cdr.Rm.Common;
using Fkj.Cdr.Rm.Content;
using Fkj.Cdr.Rm.DataStructures;
using Fkj.Cdr.Rm.DataTypes;
using Fkj.Cdr.Rm.Identification;
using static Fkj.Cdr.Templates.Tests.Flat.FlatKit;

namespace Fkj.Cdr.Templates.Tests.Flat;

/// <summary>The <c>_attributes</c> (RM attributes the web template has no node for), each read and written back, on the conformance template.</summary>
public class FlatAttributeRulesTests
{
    private const string Root = "conformance-ehrbase.de.v0";
    private const string Obs = Root + "/conformance_section/conformance_observation";
    private const string Event = Obs + "/any_event:0";

    private static Composition Read(string keys) => Decode(ConformanceTemplate, $$"""{ {{ConformanceHeader}} {{keys}} }""");

    private static Observation Observation(Composition composition) => ((Section)composition.Content![0]).Items!.OfType<Observation>().Single();

    private static Element ElementOf(Composition composition, string nodeId) =>
        ((ItemTree)Observation(composition).Data.Events![0].Data).Items!.OfType<Element>().Single(e => e.ArchetypeNodeId == nodeId);

    [Fact]
    public void Uid_links_and_name_on_a_locatable()
    {
        var composition = Read($$"""
            "{{Root}}/_uid": "6e3a9506-b81c-4d74-a37f-1464fb7106b2::ehrbase.org::1",
            "{{Obs}}/_uid": "9fcc1c70-9349-444d-b9cb-8fa817697f5e",
            "{{Obs}}/_link:0|meaning": "problem related note", "{{Obs}}/_link:0|type": "problem", "{{Obs}}/_link:0|target": "ehr://ehr.network/347a",
            "{{Obs}}/_name": "Renamed observation",
            "{{Event}}/dv_text": "x", "{{Event}}/dv_text/_name|code": "at0004", "{{Event}}/dv_text/_name|value": "coded name", "{{Event}}/dv_text/_name|terminology": "local"
            """);
        Assert.IsType<ObjectVersionId>(composition.Uid);
        var observation = Observation(composition);
        Assert.Equal("9fcc1c70-9349-444d-b9cb-8fa817697f5e", Assert.IsType<HierObjectId>(observation.Uid).Value);
        var link = Assert.Single(observation.Links!);
        Assert.Equal(("problem related note", "problem", "ehr://ehr.network/347a"), (link.Meaning.Value, link.Type.Value, link.Target.Value));
        Assert.Equal("Renamed observation", observation.Name.Value);
        // _name under a value names its ELEMENT.
        var name = Assert.IsType<DvCodedText>(ElementOf(composition, "at0004").Name);
        Assert.Equal(("coded name", "at0004"), (name.Value, name.DefiningCode.CodeString));

        var flat = Keys(ConformanceTemplate, composition);
        Assert.Equal("Renamed observation", flat[$"{Obs}/_name"]);
        Assert.Equal("problem", flat[$"{Obs}/_link:0|type"]);
        Assert.Equal("coded name", flat[$"{Event}/dv_text/_name|value"]);
        Assert.Equal("6e3a9506-b81c-4d74-a37f-1464fb7106b2::ehrbase.org::1", flat[$"{Root}/_uid"]);
        // A name as the template gives it is not written.
        Assert.False(flat.ContainsKey($"{Root}/conformance_section/_name"));
    }

    [Fact]
    public void A_name_with_mappings_is_written_as_name_even_when_its_text_is_the_templates()
    {
        var composition = Read($$"""
            "{{Event}}/dv_text": "x",
            "{{Event}}/dv_text/_name": "DV_TEXT", "{{Event}}/dv_text/_name/_mapping:0|match": "=",
            "{{Event}}/dv_text/_name/_mapping:0/target|terminology": "LOINC", "{{Event}}/dv_text/_name/_mapping:0/target|code": "8480-6"
            """);
        var name = ElementOf(composition, "at0004").Name;
        var mapping = Assert.Single(name.Mappings!);
        Assert.Equal(("DV_TEXT", '=', "LOINC", "8480-6"), (name.Value, mapping.Match, mapping.Target.TerminologyId.Value, mapping.Target.CodeString));

        var flat = Keys(ConformanceTemplate, composition);
        Assert.Equal("DV_TEXT", flat[$"{Event}/dv_text/_name"]);
        Assert.Equal("8480-6", flat[$"{Event}/dv_text/_name/_mapping:0/target|code"]);
        // Without the mapping the name is the template's, and not written.
        name.Mappings = null;
        Assert.False(Keys(ConformanceTemplate, composition).ContainsKey($"{Event}/dv_text/_name"));
    }

    [Fact]
    public void Null_flavour_by_code_or_text_replaces_the_value()
    {
        var composition = Read($$"""
            "{{Event}}/dv_quantity/_null_flavour|code": "253",
            "{{Event}}/dv_count/_null_flavour|value": "masked", "{{Event}}/dv_count/_null_flavour|terminology": "openehr",
            "{{Event}}/dv_text/_null_reason": "not asked"
            """);
        var quantity = ElementOf(composition, "at0008");
        Assert.Null(quantity.Value);
        Assert.Equal(("253", "unknown"), (quantity.NullFlavour!.DefiningCode.CodeString, quantity.NullFlavour.Value));
        Assert.Equal("272", ElementOf(composition, "at0010").NullFlavour!.DefiningCode.CodeString);
        Assert.Equal("not asked", ElementOf(composition, "at0004").NullReason!.Value);
        var flat = Keys(ConformanceTemplate, composition);
        Assert.Equal(("253", "unknown", "openehr"), (flat[$"{Event}/dv_quantity/_null_flavour|code"], flat[$"{Event}/dv_quantity/_null_flavour|value"], flat[$"{Event}/dv_quantity/_null_flavour|terminology"]));
    }

    [Fact]
    public void Entry_attributes_provider_participations_work_flow_and_guideline()
    {
        var composition = Read($$"""
            "{{Event}}/dv_text": "x",
            "{{Obs}}/_provider|name": "Dr. Marcus Johnson", "{{Obs}}/_provider|id": "199", "{{Obs}}/_provider|id_namespace": "NS", "{{Obs}}/_provider|id_scheme": "S",
            "{{Obs}}/_other_participation:0|function": "requester", "{{Obs}}/_other_participation:0|mode": "not specified", "{{Obs}}/_other_participation:0|name": "A",
            "{{Obs}}/_other_participation:0|identifiers_id:0": "id1", "{{Obs}}/_other_participation:0|identifiers_type:0": "PERSON",
            "{{Obs}}/_other_participation:1|function": "performer", "{{Obs}}/_other_participation:1/relationship|code": "10",
            "{{Obs}}/_work_flow_id|id": "335645", "{{Obs}}/_work_flow_id|id_scheme": "S", "{{Obs}}/_work_flow_id|namespace": "NS", "{{Obs}}/_work_flow_id|type": "WORKFLOW",
            "{{Obs}}/_guideline_id|id": "3445", "{{Obs}}/_guideline_id|namespace": "NS", "{{Obs}}/_guideline_id|type": "GUIDELINE", "{{Obs}}/_guideline_id|id_scheme": "S"
            """);
        var observation = Observation(composition);
        Assert.Equal("Dr. Marcus Johnson", Assert.IsType<PartyIdentified>(observation.Provider).Name);
        var participations = observation.OtherParticipations!;
        Assert.Equal(("requester", "193"), (participations[0].Function.Value, participations[0].Mode!.DefiningCode.CodeString));
        Assert.Equal(("id1", "PERSON"), (((PartyIdentified)participations[0].Performer).Identifiers![0].Id, ((PartyIdentified)participations[0].Performer).Identifiers![0].Type));
        var related = Assert.IsType<PartyRelated>(participations[1].Performer);
        Assert.Equal(("10", "mother"), (related.Relationship.DefiningCode.CodeString, related.Relationship.Value));
        Assert.Equal(("335645", "WORKFLOW"), (observation.WorkflowId!.Id.Value, observation.WorkflowId.Type));
        Assert.Equal(("3445", "GUIDELINE"), (observation.GuidelineId!.Id.Value, observation.GuidelineId.Type));

        var flat = Keys(ConformanceTemplate, composition);
        Assert.Equal("not specified", flat[$"{Obs}/_other_participation:0|mode"]);
        Assert.Equal("id1", flat[$"{Obs}/_other_participation:0|identifiers_id:0"]);
        Assert.Equal("10", flat[$"{Obs}/_other_participation:1/relationship|code"]);
        Assert.Equal("3445", flat[$"{Obs}/_guideline_id|id"]);
        Assert.Equal("199", flat[$"{Obs}/_provider|id"]);
    }

    /// <summary>Better's raw form (<c>@class</c>), as a JSON string value.</summary>
    private const string RawAudit =
        "{\\\"@class\\\": \\\"FEEDER_AUDIT\\\", \\\"originating_system_audit\\\": {\\\"@class\\\": \\\"FEEDER_AUDIT_DETAILS\\\", \\\"system_id\\\": \\\"raw\\\"}}";

    [Fact]
    public void Feeder_audit_key_by_key_or_raw()
    {
        var composition = Read($$"""
            "{{Obs}}/_feeder_audit/originating_system_audit|system_id": "orig", "{{Obs}}/_feeder_audit/originating_system_audit|version_id": "final",
            "{{Obs}}/_feeder_audit/originating_system_audit/location|name": "Org 1",
            "{{Obs}}/_feeder_audit/originating_system_item_id:0|id": "id1", "{{Obs}}/_feeder_audit/originating_system_item_id:1|id": "id2",
            "{{Obs}}/_feeder_audit/original_content": "Hello world!", "{{Obs}}/_feeder_audit/original_content|formalism": "text/plain",
            "{{Root}}/conformance_section/conformance_evaluation/dv_text": "x",
            "{{Root}}/conformance_section/conformance_evaluation/_feeder_audit|raw": "{{RawAudit}}"
            """);
        var audit = Observation(composition).FeederAudit!;
        Assert.Equal(("orig", "final", "Org 1"), (audit.OriginatingSystemAudit.SystemId, audit.OriginatingSystemAudit.VersionId, audit.OriginatingSystemAudit.Location!.Name));
        Assert.Equal(["id1", "id2"], audit.OriginatingSystemItemIds!.Select(i => i.Id));
        Assert.Equal("Hello world!", Assert.IsType<DvParsable>(audit.OriginalContent).Value);
        var evaluation = ((Section)composition.Content![0]).Items!.OfType<Evaluation>().Single();
        Assert.Equal("raw", evaluation.FeederAudit!.OriginatingSystemAudit.SystemId);
        var flat = Keys(ConformanceTemplate, composition);
        Assert.Equal("id2", flat[$"{Obs}/_feeder_audit/originating_system_item_id:1|id"]);
        Assert.Equal("raw", flat[$"{Root}/conformance_section/conformance_evaluation/_feeder_audit/originating_system_audit|system_id"]);
    }

    [Fact]
    public void Context_participation_end_time_and_health_care_facility()
    {
        var composition = Read($$"""
            "{{Root}}/context/_participation:0|function": "requester", "{{Root}}/context/_participation:0|name": "A",
            "{{Root}}/context/_participation:0/_identifier:0|id": "122", "{{Root}}/context/_participation:0/_identifier:0|issuer": "issuer",
            "{{Root}}/context/_end_time": "2024-01-01T13:00:00Z",
            "{{Root}}/context/_health_care_facility|name": "Hospital", "{{Root}}/context/_health_care_facility/relationship|code": "10"
            """);
        var context = composition.Context!;
        Assert.Equal("122", ((PartyIdentified)context.Participations![0].Performer).Identifiers![0].Id);
        Assert.Equal("2024-01-01T13:00:00Z", context.EndTime!.Value);
        Assert.IsType<PartyRelated>(context.HealthCareFacility);
    }

    [Fact]
    public void Instruction_details_wf_definition_and_history_origin()
    {
        var composition = Read($$"""
            "{{Root}}/conformance_section/conformance_action/dv_text": "x",
            "{{Root}}/conformance_section/conformance_action/_instruction_details|activity_id": "activities[at0001]",
            "{{Root}}/conformance_section/conformance_action/_instruction_details|composition_uid": "4cdc3017-d8c5-4cd3-9900-f3bb7171d006",
            "{{Root}}/conformance_section/conformance_action/_instruction_details|path": "/content[openEHR-EHR-INSTRUCTION.x.v0]",
            "{{Root}}/conformance_section/conformance_instruction/current_activity/dv_text": "y",
            "{{Root}}/conformance_section/conformance_instruction/_wf_definition|value": "wf", "{{Root}}/conformance_section/conformance_instruction/_wf_definition|formalism": "f",
            "{{Event}}/time": "2024-01-02T00:00:00Z", "{{Event}}/dv_text": "z", "{{Obs}}/history_origin": "2024-01-01T00:00:00Z"
            """);
        var items = ((Section)composition.Content![0]).Items!;
        var details = items.OfType<Fkj.Cdr.Rm.Content.Action>().Single().InstructionDetails!;
        Assert.Equal(("activities[at0001]", "4cdc3017-d8c5-4cd3-9900-f3bb7171d006", "INSTRUCTION", "local"),
            (details.ActivityId, details.InstructionId.Id.Value, details.InstructionId.Type, details.InstructionId.Namespace));
        Assert.Equal(("wf", "f"), (items.OfType<Instruction>().Single().WfDefinition!.Value, items.OfType<Instruction>().Single().WfDefinition!.Formalism));
        Assert.Equal("2024-01-01T00:00:00Z", Observation(composition).Data.Origin.Value);
        var flat = Keys(ConformanceTemplate, composition);
        Assert.Equal("wf", flat[$"{Root}/conformance_section/conformance_instruction/_wf_definition|value"]);
        Assert.Equal("2024-01-01T00:00:00Z", flat[$"{Obs}/history_origin"]);
    }

    [Fact]
    public void Ranges_mappings_and_other_data_value_attributes()
    {
        var composition = Read($$"""
            "{{Event}}/dv_quantity|magnitude": 5, "{{Event}}/dv_quantity|unit": "mmol/l", "{{Event}}/dv_quantity|normal_status": "N",
            "{{Event}}/dv_quantity|accuracy": 0.5, "{{Event}}/dv_quantity|magnitude_status": "~",
            "{{Event}}/dv_quantity/_normal_range/lower|magnitude": 3, "{{Event}}/dv_quantity/_normal_range/lower|unit": "mmol/l",
            "{{Event}}/dv_quantity/_normal_range/upper|magnitude": 6, "{{Event}}/dv_quantity/_normal_range/upper|unit": "mmol/l",
            "{{Event}}/dv_quantity/_other_reference_ranges:0/meaning": "critical",
            "{{Event}}/dv_quantity/_other_reference_ranges:0/upper|magnitude": 20, "{{Event}}/dv_quantity/_other_reference_ranges:0/upper|unit": "mmol/l",
            "{{Event}}/dv_text": "text", "{{Event}}/dv_text/_mapping:0|match": "=",
            "{{Event}}/dv_text/_mapping:0/target|code": "123", "{{Event}}/dv_text/_mapping:0/target|terminology": "SNOMED-CT",
            "{{Event}}/dv_text/_language|code": "de", "{{Event}}/dv_text/_language|terminology": "ISO_639-1"
            """);
        var quantity = Assert.IsType<DvQuantity>(ElementOf(composition, "at0008").Value);
        Assert.Equal(("N", 0.5, "~"), (quantity.NormalStatus!.CodeString, quantity.Accuracy, quantity.MagnitudeStatus));
        Assert.Equal((3.0, 6.0), (((DvQuantity)quantity.NormalRange!.Lower!).Magnitude, ((DvQuantity)quantity.NormalRange.Upper!).Magnitude));
        var reference = Assert.Single(quantity.OtherReferenceRanges!);
        Assert.Equal(("critical", true, (bool?)null), (reference.Meaning.Value, reference.Range.LowerUnbounded, reference.Range.LowerIncluded));
        var text = Assert.IsType<DvText>(ElementOf(composition, "at0004").Value);
        Assert.Equal(('=', "123"), (text.Mappings![0].Match, text.Mappings[0].Target.CodeString));
        Assert.Equal("de", text.Language!.CodeString);

        var flat = Keys(ConformanceTemplate, composition);
        Assert.Equal("3", flat[$"{Event}/dv_quantity/_normal_range/lower|magnitude"]);
        Assert.Equal("critical", flat[$"{Event}/dv_quantity/_other_reference_ranges:0/meaning"]);
        Assert.Equal("SNOMED-CT", flat[$"{Event}/dv_text/_mapping:0/target|terminology"]);
        Assert.Equal("N", flat[$"{Event}/dv_quantity|normal_status"]);
    }

    [Fact]
    public void A_node_given_raw_is_decoded_from_canonical_json()
    {
        var composition = Read($$"""
            "{{Event}}/dv_count|raw": "{\"_type\": \"DV_COUNT\", \"magnitude\": 42}"
            """);
        Assert.Equal(42, Assert.IsType<DvCount>(ElementOf(composition, "at0010").Value).Magnitude);
        var errors = Errors(ConformanceTemplate, $$"""{ {{ConformanceHeader}} "{{Event}}/dv_count|raw": "{\"_type\": \"DV_TEXT\", \"value\": \"no\"}" }""");
        Assert.Contains(errors, e => e.Code == "invalid_value" && e.Path == $"{Event}/dv_count|raw");
    }
}
