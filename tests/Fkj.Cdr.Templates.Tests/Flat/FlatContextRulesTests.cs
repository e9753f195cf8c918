using Fkj.Cdr.Rm.Common;
using Fkj.Cdr.Rm.Content;
using Fkj.Cdr.Rm.DataStructures;
using Fkj.Cdr.Rm.DataTypes;
using Fkj.Cdr.Rm.Identification;
using static Fkj.Cdr.Templates.Tests.Flat.FlatKit;

namespace Fkj.Cdr.Templates.Tests.Flat;

/// <summary>The <c>ctx/…</c> keys and the defaults the decoder fills in, each on a small document with the expected RM by hand.</summary>
public class FlatContextRulesTests
{
    private const string Systolic = "vitale_parametre_og_news2/blodtrykk/systolisk";

    [Fact]
    public void Ctx_language_territory_and_composer_fill_the_composition()
    {
        var composition = Decode(VitalSigns, $$"""
            {
              "ctx/language": "nb", "ctx/territory": "NO", "ctx/composer_name": "Kari Nordmann", "ctx/composer_id": "1234",
              "ctx/id_namespace": "HPR", "ctx/id_scheme": "HPR-nummer",
              "{{Systolic}}|magnitude": 120
            }
            """);
        Assert.Equal(("ISO_639-1", "nb"), (composition.Language.TerminologyId.Value, composition.Language.CodeString));
        Assert.Equal(("ISO_3166-1", "NO"), (composition.Territory.TerminologyId.Value, composition.Territory.CodeString));
        var composer = Assert.IsType<PartyIdentified>(composition.Composer);
        Assert.Equal("Kari Nordmann", composer.Name);
        Assert.Equal(("1234", "HPR", "PARTY"), (composer.ExternalRef!.Id.Value, composer.ExternalRef.Namespace, composer.ExternalRef.Type));
        Assert.Equal("HPR-nummer", Assert.IsType<GenericId>(composer.ExternalRef.Id).Scheme);
        // The entry's language is ctx's too.
        Assert.Equal("nb", ((Entry)composition.Content![0]).Language.CodeString);
    }

    [Fact]
    public void Ctx_composer_self_makes_a_party_self_with_the_composer_keys_as_its_reference()
    {
        var composition = Decode(ConformanceTemplate, """
            {
              "ctx/language": "en", "ctx/territory": "US", "ctx/composer_self": true,
              "conformance-ehrbase.de.v0/composer|id": "1234-5678", "conformance-ehrbase.de.v0/composer|id_scheme": "UUID",
              "conformance-ehrbase.de.v0/composer|id_namespace": "EHR.NETWORK"
            }
            """);
        var composer = Assert.IsType<PartySelf>(composition.Composer);
        Assert.Equal(("1234-5678", "EHR.NETWORK"), (composer.ExternalRef!.Id.Value, composer.ExternalRef.Namespace));
        var flat = Keys(ConformanceTemplate, composition);
        Assert.Equal("true", flat["ctx/composer_self"]);
        Assert.Equal("1234-5678", flat["conformance-ehrbase.de.v0/composer|id"]);
        Assert.False(flat.ContainsKey("conformance-ehrbase.de.v0/composer|_type"));
    }

    [Fact]
    public void Ctx_time_is_the_start_time_the_event_time_and_the_history_origin()
    {
        var composition = Decode(VitalSigns, $$"""
            { "ctx/language": "nb", "ctx/territory": "NO", "ctx/composer_name": "K", "ctx/time": "2024-03-01T08:15:00+01:00",
              "{{Systolic}}|magnitude": 120 }
            """);
        Assert.Equal("2024-03-01T08:15:00+01:00", composition.Context!.StartTime.Value);
        var observation = (Observation)composition.Content![0];
        Assert.Equal("2024-03-01T08:15:00+01:00", observation.Data.Origin.Value);
        Assert.Equal("2024-03-01T08:15:00+01:00", observation.Data.Events![0].Time.Value);
    }

    [Fact]
    public void Without_ctx_time_the_decoding_instant_is_used_and_the_origin_is_the_earliest_event()
    {
        var composition = Decode(ConformanceTemplate, $$"""
            { {{ConformanceHeader}}
              "conformance-ehrbase.de.v0/conformance_section/conformance_observation/any_event:0/time": "2024-01-02T10:00:00Z",
              "conformance-ehrbase.de.v0/conformance_section/conformance_observation/any_event:0/dv_text": "later",
              "conformance-ehrbase.de.v0/conformance_section/conformance_observation/any_event:1/time": "2024-01-01T10:00:00Z",
              "conformance-ehrbase.de.v0/conformance_section/conformance_observation/any_event:1/dv_text": "earlier" }
            """);
        Assert.Equal("2025-01-01T12:00:00+00:00", composition.Context!.StartTime.Value);
        var observation = ((Section)composition.Content![0]).Items!.OfType<Observation>().Single();
        Assert.Equal("2024-01-01T10:00:00Z", observation.Data.Origin.Value);
        // The origin equals the earliest event time, so FLAT writes no history_origin.
        Assert.DoesNotContain(Keys(ConformanceTemplate, composition).Keys, k => k.EndsWith("history_origin", StringComparison.Ordinal));
    }

    [Fact]
    public void Ctx_history_origin_gives_events_without_time_their_time()
    {
        var composition = Decode(VitalSigns, $$"""
            { "ctx/language": "nb", "ctx/territory": "NO", "ctx/composer_name": "K", "ctx/time": "2024-03-01T08:15:00Z",
              "ctx/history_origin": "2024-03-01T07:00:00Z", "{{Systolic}}|magnitude": 120 }
            """);
        var observation = (Observation)composition.Content![0];
        Assert.Equal("2024-03-01T07:00:00Z", observation.Data.Origin.Value);
        Assert.Equal("2024-03-01T07:00:00Z", observation.Data.Events![0].Time.Value);
    }

    [Fact]
    public void Ctx_context_keys_fill_the_event_context()
    {
        var composition = Decode(ConformanceTemplate, $$"""
            { {{ConformanceHeader}}
              "ctx/id_namespace": "HOSPITAL-NS", "ctx/id_scheme": "HOSPITAL-NS",
              "ctx/health_care_facility|name": "Hospital", "ctx/health_care_facility|id": "9091",
              "ctx/setting": "home", "ctx/end_time": "2024-01-01T12:00:00Z", "ctx/location": "Ward 3" }
            """);
        var context = composition.Context!;
        Assert.Equal(("225", "home", "openehr"), (context.Setting.DefiningCode.CodeString, context.Setting.Value, context.Setting.DefiningCode.TerminologyId.Value));
        Assert.Equal("2024-01-01T12:00:00Z", context.EndTime!.Value);
        Assert.Equal("Ward 3", context.Location);
        Assert.Equal("Hospital", context.HealthCareFacility!.Name);
        Assert.Equal(("9091", "HOSPITAL-NS"), (context.HealthCareFacility.ExternalRef!.Id.Value, context.HealthCareFacility.ExternalRef.Namespace));

        var flat = Keys(ConformanceTemplate, composition);
        Assert.Equal("Hospital", flat["conformance-ehrbase.de.v0/context/_health_care_facility|name"]);
        Assert.Equal("9091", flat["conformance-ehrbase.de.v0/context/_health_care_facility|id"]);
        Assert.Equal("HOSPITAL-NS", flat["conformance-ehrbase.de.v0/context/_health_care_facility|id_scheme"]);
        Assert.Equal("2024-01-01T12:00:00Z", flat["conformance-ehrbase.de.v0/context/_end_time"]);
        Assert.Equal("Ward 3", flat["conformance-ehrbase.de.v0/context/_location"]);
        Assert.Equal("225", flat["conformance-ehrbase.de.v0/context/setting|code"]);
    }

    [Fact]
    public void Ctx_setting_by_code_and_the_default_setting()
    {
        Assert.Equal("primary nursing care", Decode(ConformanceTemplate, $$"""{ {{ConformanceHeader}} "ctx/setting": "229" }""").Context!.Setting.Value);
        var defaulted = Decode(ConformanceTemplate, $$"""{ {{ConformanceHeader}} "ctx/time": "2024-01-01T00:00:00Z" }""").Context!.Setting;
        Assert.Equal(("238", "other care"), (defaulted.DefiningCode.CodeString, defaulted.Value));
    }

    [Fact]
    public void Ctx_participations_go_to_the_context_and_to_every_entry()
    {
        var composition = Decode(ConformanceTemplate, $$"""
            { {{ConformanceHeader}} "ctx/id_namespace": "NS", "ctx/id_scheme": "SCHEME",
              "ctx/participation_name": "Dr. Marcus Johnson", "ctx/participation_function": "requester",
              "ctx/participation_mode": "face-to-face communication", "ctx/participation_id": "199",
              "ctx/participation_name:1": "Lara Markham", "ctx/participation_function:1": "performer", "ctx/participation_mode:1": "216",
              "ctx/participation_identifiers:1": "issuer1::assigner1::id1::PERSON;issuer2::assigner2::id2::PERSON",
              "conformance-ehrbase.de.v0/conformance_section/conformance_evaluation/dv_text": "x" }
            """);
        var participations = composition.Context!.Participations!;
        Assert.Equal(2, participations.Count);
        Assert.Equal(("requester", "216"), (participations[0].Function.Value, participations[0].Mode!.DefiningCode.CodeString));
        var first = Assert.IsType<PartyIdentified>(participations[0].Performer);
        Assert.Equal(("Dr. Marcus Johnson", "199", "NS", "SCHEME"),
            (first.Name, first.ExternalRef!.Id.Value, first.ExternalRef.Namespace, ((GenericId)first.ExternalRef.Id).Scheme));
        var second = Assert.IsType<PartyIdentified>(participations[1].Performer);
        Assert.Equal(["id1", "id2"], second.Identifiers!.Select(i => i.Id));
        Assert.Equal("face-to-face communication", participations[1].Mode!.Value);

        var evaluation = ((Section)composition.Content![0]).Items!.OfType<Evaluation>().Single();
        Assert.Equal(["requester", "performer"], evaluation.OtherParticipations!.Select(p => p.Function.Value));
        Assert.NotSame(participations[0], evaluation.OtherParticipations![0]);
    }

    [Fact]
    public void Ctx_work_flow_id_and_provider_fill_entries()
    {
        var composition = Decode(ConformanceTemplate, $$"""
            { {{ConformanceHeader}}
              "ctx/work_flow_id|id": "335645", "ctx/work_flow_id|id_scheme": "HOSPITAL-NS", "ctx/work_flow_id|namespace": "NS", "ctx/work_flow_id|type": "WORKFLOW",
              "ctx/provider_name": "Dr. P", "ctx/provider_id": "77",
              "conformance-ehrbase.de.v0/conformance_section/conformance_evaluation/dv_text": "x" }
            """);
        var evaluation = ((Section)composition.Content![0]).Items!.OfType<Evaluation>().Single();
        Assert.Equal(("335645", "NS", "WORKFLOW"), (evaluation.WorkflowId!.Id.Value, evaluation.WorkflowId.Namespace, evaluation.WorkflowId.Type));
        Assert.Equal("Dr. P", ((PartyIdentified)evaluation.Provider!).Name);
        Assert.Equal("77", evaluation.Provider!.ExternalRef!.Id.Value);
    }

    [Fact]
    public void Entries_get_the_sdk_defaults()
    {
        var composition = Decode(ConformanceTemplate, $$"""
            { "conformance-ehrbase.de.v0/language|code": "de", "conformance-ehrbase.de.v0/language|terminology": "ISO_639-1",
              "conformance-ehrbase.de.v0/territory|code": "DE", "conformance-ehrbase.de.v0/composer|name": "X",
              "conformance-ehrbase.de.v0/conformance_section/conformance_action/dv_text": "done",
              "conformance-ehrbase.de.v0/conformance_section/conformance_instruction/current_activity/dv_text": "do",
              "conformance-ehrbase.de.v0/conformance_section/conformance_interval/any_event:0/math_function|code": "146",
              "conformance-ehrbase.de.v0/conformance_section/conformance_interval/any_event:0/width": "PT1H",
              "conformance-ehrbase.de.v0/conformance_section/conformance_interval/any_event:1/time": "2024-01-01T00:00:00Z" }
            """);
        // The composition's category from the template (it allows one code), its territory's terminology by attribute.
        Assert.Equal(("433", "event", "openehr"), (composition.Category.DefiningCode.CodeString, composition.Category.Value, composition.Category.DefiningCode.TerminologyId.Value));
        Assert.Equal("ISO_3166-1", composition.Territory.TerminologyId.Value);
        var items = ((Section)composition.Content![0]).Items!;
        var action = items.OfType<Fkj.Cdr.Rm.Content.Action>().Single();
        // An entry without language keys gets the composition's; encoding UTF-8; subject PARTY_SELF.
        Assert.Equal("de", action.Language.CodeString);
        Assert.Equal(("IANA_character-sets", "UTF-8"), (action.Encoding.TerminologyId.Value, action.Encoding.CodeString));
        Assert.IsType<PartySelf>(action.Subject);
        // ACTION: time is the decoding instant (no ctx/time), current_state 532 completed.
        Assert.Equal("2025-01-01T12:00:00+00:00", action.Time.Value);
        Assert.Equal(("532", "completed"), (action.IsmTransition.CurrentState.DefiningCode.CodeString, action.IsmTransition.CurrentState.Value));
        // INSTRUCTION: narrative <none>; ACTIVITY: action_archetype_id /.*/ and no timing (RM 1.1 makes it optional).
        var instruction = items.OfType<Instruction>().Single();
        Assert.Equal("<none>", instruction.Narrative.Value);
        Assert.Equal("/.*/", instruction.Activities![0].ActionArchetypeId);
        Assert.Null(instruction.Activities[0].Timing);
        // EVENT: width or math_function make an INTERVAL_EVENT; its math_function's text comes from the openEHR terminology.
        var interval = items.OfType<Observation>().Single();
        var events = interval.Data.Events!;
        var first = Assert.IsType<IntervalEvent>(events[0]);
        Assert.Equal(("146", "mean", "openehr"), (first.MathFunction.DefiningCode.CodeString, first.MathFunction.Value, first.MathFunction.DefiningCode.TerminologyId.Value));
        Assert.Equal("PT1H", first.Width.Value);
        Assert.IsType<PointEvent>(events[1]);
        // An event without time gets the history's origin: the earliest event time.
        Assert.Equal("2024-01-01T00:00:00Z", first.Time.Value);
        // The RM-mandatory EVENT.data and ACTION.description the document did not fill are there, empty, from the template.
        Assert.Equal("at0003", first.Data.ArchetypeNodeId);
    }

    [Fact]
    public void A_template_that_does_not_constrain_the_context_gets_none_unless_ctx_describes_one()
    {
        const string minimal = "openehr/ehrbase-integration-tests/valid_templates/minimal/minimal_evaluation.opt";
        var template = FlatFixtures.Template(minimal);
        var without = Decode(template, """{ "ctx/language": "en", "ctx/territory": "GB", "ctx/composer_name": "X", "minimal/minimal:0/quantity|magnitude": 1, "minimal/minimal:0/quantity|unit": "mm" }""");
        Assert.Null(without.Context);
        var with = Decode(template, """{ "ctx/language": "en", "ctx/territory": "GB", "ctx/composer_name": "X", "ctx/time": "2024-01-01T00:00:00Z", "minimal/minimal:0/quantity|magnitude": 1, "minimal/minimal:0/quantity|unit": "mm" }""");
        Assert.Equal("2024-01-01T00:00:00Z", with.Context!.StartTime.Value);
    }

    [Fact]
    public void Language_territory_and_composer_must_come_from_somewhere()
    {
        var errors = Errors(ConformanceTemplate, """{ "conformance-ehrbase.de.v0/context/start_time": "2024-01-01T00:00:00Z" }""");
        Assert.Equal(3, errors.Count(e => e.Code == "missing_attribute"));
        Assert.Contains(errors, e => e.Message.Contains("language", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("territory", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("composer", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_ctx_key_and_a_bad_mode_are_errors()
    {
        var errors = Errors(ConformanceTemplate, $$"""{ {{ConformanceHeader}} "ctx/colour": "blue", "ctx/participation_function": "f", "ctx/participation_mode": "by pigeon" }""");
        Assert.Contains(errors, e => e is { Code: "unknown_path", Path: "ctx/colour" });
        Assert.Contains(errors, e => e is { Code: "invalid_value", Path: "ctx/participation_mode" });
        // Reported once, though the participation is read for the context and for nothing else here.
        Assert.Single(errors, e => e.Path == "ctx/participation_mode");
    }
}
