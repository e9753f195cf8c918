using Fkj.Cdr.Rm.Codecs;
using Fkj.Cdr.Rm.Codecs.Json;
using Fkj.Cdr.Rm.Content;
using Fkj.Cdr.Templates.Tests.Support;
using Fkj.Cdr.Testing;

namespace Fkj.Cdr.Templates.Tests.Validation;

/// <summary>
/// Every canonical JSON composition among the fixtures whose template is among the fixture OPTs: it
/// validates, or it is listed in <see cref="Invalid"/> with the reason and the error codes it must get.
/// </summary>
public class FixtureCompositionTests
{
    private static readonly string[] Folders =
    [
        "openehr/ehrbase-integration-tests/compositions/CANONICAL_JSON",
        "openehr/ehrbase-sdk-test-data/composition/canonical_json",
        "openehr/ehrbase-integration-tests/aql/data_load/compositions",
    ];

    /// <summary>Compositions (by fixture set — integration, sdk, aql — and file name) that break their template, each with the reason read from the data and the OPT, and the error codes it gets.</summary>
    public static readonly Dictionary<string, (string Reason, string[] Codes)> Invalid = new()
    {
        ["integration/cardinality_of_section__full.json"] = ("a test of section cardinality: content holds 10 sections, the OPT's content cardinality is 1..1", ["cardinality"]),
        ["sdk/cardinality_of_section__full.json"] = ("a test of section cardinality: content holds 13 sections (cardinality 1..1), and the sections occur more or less often than their occurrences (0..1, 1..1, 3..*, 3..5) allow",
            ["cardinality", "occurrences"]),
        ["integration/clinical_content_validation__full.json"] = ("a validation test: entry names differ from the OPT's name constraints, and three entries (instruction_test, action_test, observation_test) are of archetypes the OPT does not have",
            ["string_not_allowed", "node_id_not_allowed"]),
        ["integration/hc3_spirometry_test_result_v0.6__.json"] = ("a second SECTION.adhoc.v1 ('Spirometry test result list', with spirometry_result-CatSalut and clinical_synopsis) that the OPT (one adhoc section, 0..1, named 'Patient information') does not define",
            ["node_id_not_allowed", "occurrences", "string_not_allowed"]),
        ["integration/nodes_in_template_invalid__.json"] = ("a validation test: nodes that are not in its template", ["node_id_not_allowed"]),
        ["integration/minimal_instruction_1.composition.json"] = ("DV_DURATION P1Y where the OPT's C_DURATION pattern PTM allows minutes only (minimal_instruction.dv_duration_fields_allowed… is the OPT that allows it)", ["temporal_pattern"]),
        ["aql/minimal_instruction_2.json"] = ("DV_DURATION P65Y5M12D where the OPT's C_DURATION pattern is PTM", ["temporal_pattern"]),
        ["aql/minimal_instruction_3.json"] = ("DV_DURATION P101Y where the OPT's C_DURATION pattern is PTM", ["temporal_pattern"]),
        ["aql/minimal_instruction_4.json"] = ("DV_DURATION P1Y where the OPT's C_DURATION pattern is PTM", ["temporal_pattern"]),
        ["aql/minimal_evaluation.json"] = ("ELEMENTs at0003, at0004, at0005 in an ITEM_TREE whose OPT constrains only at0002", ["node_id_not_allowed"]),
        ["sdk/all_types_systematic_tests.json"] = ("the EVALUATION's ELEMENT at0002 has neither value nor null_flavour; and a DV_DATE value 20190114 where the pattern yyyy-??-XX forbids the day",
            ["element_value", "temporal_pattern"]),
        ["aql/all_types_systematic_tests.json"] = ("the EVALUATION's ELEMENT at0002 holds a DV_TEXT where Test_all_types.opt allows DV_URI only; and a DV_DATE value 20190114 where the pattern yyyy-??-XX forbids the day",
            ["rm_type_not_allowed", "temporal_pattern"]),
        ["sdk/all_types_no_multimedia.json"] = ("a DV_DATE value 20190114 where the pattern yyyy-??-XX forbids the day", ["temporal_pattern"]),
        ["sdk/datetime_tests.json"] = ("ELEMENTs at0010.1…at0012.4 (specialised node ids) that Test_all_types.opt does not have", ["node_id_not_allowed"]),
        ["sdk/duration_tests.json"] = ("ELEMENTs at0010.1…at0010.3 (specialised node ids) that Test_all_types.opt does not have", ["node_id_not_allowed"]),
        ["sdk/compo_feeder_audit_details.json"] = ("the laboratory_test_result event lacks the mandatory ELEMENT at0005 (test name, 1..1) and CLUSTER laboratory_test_analyte (1..*)", ["occurrences"]),
        ["sdk/compo_with_nested_party_identified.json"] = ("content holds SECTION allgemeine_angaben.v1, which Corona_Anamnese.opt does not have at the top level", ["node_id_not_allowed"]),
        ["sdk/compo_with_nested_party_related.json"] = ("content holds SECTION allgemeine_angaben.v1, which Corona_Anamnese.opt does not have at the top level", ["node_id_not_allowed"]),
        ["sdk/compo_with_nested_party_self.json"] = ("content holds SECTION allgemeine_angaben.v1, which Corona_Anamnese.opt does not have at the top level", ["node_id_not_allowed"]),
        ["sdk/compo_with_nested_provider.json"] = ("content holds SECTION allgemeine_angaben.v1, which Corona_Anamnese.opt does not have at the top level", ["node_id_not_allowed"]),
        ["sdk/informe_amb_1_arquetip_OBS.json"] = ("the OBSERVATION's archetype_details names the COMPOSITION archetype (informe_ad_hoc) instead of resum_riqcat", ["archetype_details"]),
        ["sdk/minimal_action2_1.json"] = ("the ACTION's archetype_details names the COMPOSITION archetype (minimal_2) instead of ACTION.minimal_2", ["archetype_details"]),
        ["sdk/ips_invalid.json"] = ("an invalid IPS by design: a false where only true is allowed, magnitudes out of range (-100, 8/wk, 250.5/min with precision 1), SpO₂ numerator 200 of type 3 where 0..100 of type 2, 'Pregnant' and 'Environmental allergies' where the OPT lists other texts",
            ["boolean_not_allowed", "out_of_range", "precision", "string_not_allowed"]),
        ["sdk/simple_composition_dvinterval.json"] = ("composition named 'Versorgungsfall' (OPT: 'EpisodeOfCare'); a DV_QUANTITY where a DV_IDENTIFIER is required; a DV_INTERVAL of DV_DATE where DV_DATE_TIME is required, without upper and with upper_unbounded false",
            ["string_not_allowed", "rm_type_not_allowed", "rm_invariant"]),
        ["sdk/virology_finding_with_specimen.json"] = ("composition named 'Ergebnisbericht' (OPT: 'Virologischer Befund'), other_context node id '[at0001]' with brackets, and the mandatory laboratory_test_panel cluster and protocol cluster at0094 missing",
            ["node_id_not_allowed", "string_not_allowed", "occurrences"]),
    };

    private static readonly Lazy<Dictionary<string, List<string>>> OptsByTemplateId = new(() =>
    {
        var map = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var opt in OptFixtures.Valid())
        {
            var id = ValidationFixtures.Parse(opt).TemplateId;
            if (!map.TryGetValue(id, out var list)) map[id] = list = [];
            list.Add(opt);
        }

        return map;
    });

    /// <summary>The OPT for a composition: of its template id, from its own fixture set where several share the id.</summary>
    private static string? OptFor(string composition, string templateId)
    {
        if (!OptsByTemplateId.Value.TryGetValue(templateId, out var candidates)) return null;
        var preferred = composition.Contains("/aql/data_load/", StringComparison.Ordinal) ? "/aql/data_load/"
            : composition.Contains("ehrbase-sdk-test-data", StringComparison.Ordinal) ? "ehrbase-sdk-test-data"
            : "/valid_templates/";
        return candidates.FirstOrDefault(c => c.Contains(preferred, StringComparison.Ordinal)) ?? candidates[0];
    }

    public static TheoryData<string> Compositions()
    {
        var data = new TheoryData<string>();
        foreach (var folder in Folders)
        foreach (var file in Fixtures.Files(folder, "*.json"))
        {
            var name = Path.GetFileName(file);
            if (name.StartsWith("Test_dv_", StringComparison.Ordinal)) continue; // TestDvTemplateTests
            data.Add(Path.GetRelativePath(Fixtures.Root, file).Replace('\\', '/'));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Compositions))]
    public void Fixture_composition_validates_or_fails_for_its_known_reason(string file)
    {
        var name = Path.GetFileName(file);
        var key = $"{(file.Contains("/aql/", StringComparison.Ordinal) ? "aql" : file.Contains("sdk-test-data", StringComparison.Ordinal) ? "sdk" : "integration")}/{name}";
        var bytes = File.ReadAllBytes(OptFixtures.FullPath(file));
        Composition composition;
        try
        {
            composition = CanonicalJson.Decode<Composition>(bytes);
        }
        catch (RmFormatException)
        {
            // Not canonical JSON (FLAT documents under a .json name, EtherCIS formats, known-broken files):
            // refused by the decoder, whose own tests list them.
            return;
        }

        var templateId = composition.ArchetypeDetails?.TemplateId?.Value ?? "";
        if (OptFor(file, templateId) is not { } opt) return; // the template is not among the fixtures

        var result = ValidationFixtures.Validator(opt).Validate(composition);
        if (Invalid.TryGetValue(key, out var expected))
        {
            Assert.False(result.IsValid, $"{key} should fail: {expected.Reason}");
            Assert.Equal(expected.Codes.Order(StringComparer.Ordinal), result.Errors.Select(e => e.Code).Distinct().Order(StringComparer.Ordinal));
        }
        else
        {
            Assert.True(result.IsValid, $"{key} against {opt}:{Environment.NewLine}{result}");
        }
    }
}
