using System.Collections.Concurrent;
using Fkj.Cdr.Templates.Flat;
using Fkj.Cdr.Templates.Opt;
using Fkj.Cdr.Templates.Tests.Support;
using Fkj.Cdr.Templates.Validation;
using Fkj.Cdr.Templates.WebTemplates;
using Fkj.Cdr.Testing;

namespace Fkj.Cdr.Templates.Tests.Flat;

/// <summary>
/// The FLAT and STRUCTURED compositions among the shared fixtures, each with the OPT of its template, and the
/// lists of those that are not valid FLAT (refused, with the located error expected) or whose content does not
/// satisfy the template (decoded, but not valid, with the validator's error codes expected).
/// </summary>
/// <remarks>
/// FLAT names no template, so each file is matched to its OPT here: by the template id its file name starts
/// with (EHRbase's robot tests name them <c>template_id__case.json</c>), else by the web template root id the
/// keys start with, in the OPT set of the same fixture family (integration tests: valid_templates; SDK test
/// data: its operationaltemplate folder). Where several OPTs share a root id, the one the file's content is
/// valid against was chosen and checked by hand (e.g. ehrn_family_history → EHRN Family history.v2).
/// </remarks>
internal static class FlatFixtures
{
    public static readonly DateTimeOffset Now = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public static readonly FlatDecodeOptions Options = new() { Now = Now };

    /// <summary>Every FLAT composition of the fixtures (157) → the OPT of its template.</summary>
    public static readonly IReadOnlyDictionary<string, string> Templates = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["fhir/openfhir-news2/news2_encounter_parent_FLAT.json"] = "fhir/openfhir-news2/NEWS2 Encounter Parent.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/RIPPLE_-_Conformance_Test_template_20211019014737_000001_1.xml.flat.json"] = "openehr/ehrbase-sdk-test-data/operationaltemplate/RIPPLE-Conformance Test.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/SSIAD PRIeSM__.json"] = "openehr/ehrbase-integration-tests/valid_templates/all_types/SSIAD PRIeSM.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/Test_all_types_v2_20211020054038_000001_1.xml.flat.json"] = "openehr/ehrbase-integration-tests/valid_templates/all_types/Test_all_types_v2.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/a1__24hour_average_value.json"] = "openehr/ehrbase-integration-tests/valid_templates/all_types/opt_24h_average.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/alternative_types.en.v1_20211018102043_000001_1.xml.flat.json"] = "openehr/ehrbase-integration-tests/valid_templates/alternative_types/alternative_types.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/consult_record__.json"] = "openehr/ehrbase-integration-tests/valid_templates/all_types/EHRN-ABDM-OPConsultRecord.v2.0.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/dv_duration_max__.json"] = "openehr/ehrbase-integration-tests/valid_templates/all_types/dv_duration_max.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/ehrbase.testcase0005.v1__compo1_test_set_2.json"] = "openehr/ehrbase-integration-tests/valid_templates/query_test_sets/ehrbase.testcase0005.v1.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/ehrbase.testcase0005.v1__compo2_test_set_2.json"] = "openehr/ehrbase-integration-tests/valid_templates/query_test_sets/ehrbase.testcase0005.v1.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/ehrbase.testcase0005.v1__compo3_test_set_2.json"] = "openehr/ehrbase-integration-tests/valid_templates/query_test_sets/ehrbase.testcase0005.v1.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/ehrbase.testcase0005.v1__compo4_no_bp_obs_test_set_2.json"] = "openehr/ehrbase-integration-tests/valid_templates/query_test_sets/ehrbase.testcase0005.v1.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/ehrbase.testcase0005.v1__compo5_no_action_test_set_2.json"] = "openehr/ehrbase-integration-tests/valid_templates/query_test_sets/ehrbase.testcase0005.v1.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/ehrbase.testcase0005.v1__compo6_no_evaluation_test_set_2.json"] = "openehr/ehrbase-integration-tests/valid_templates/query_test_sets/ehrbase.testcase0005.v1.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/ehrbase.testcase0005.v1__compo7_no_instruction_test_set_2.json"] = "openehr/ehrbase-integration-tests/valid_templates/query_test_sets/ehrbase.testcase0005.v1.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/ehrbase.testcase0005.v1__compo8_no_admin_test_set_2.json"] = "openehr/ehrbase-integration-tests/valid_templates/query_test_sets/ehrbase.testcase0005.v1.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/ehrbase.testcase008.v0__compo_1_1_test_set_4.json"] = "openehr/ehrbase-integration-tests/valid_templates/query_test_sets/ehrbase.testcase008.v0.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/ehrbase.testcase008.v0__compo_1_2_test_set_4.json"] = "openehr/ehrbase-integration-tests/valid_templates/query_test_sets/ehrbase.testcase008.v0.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/ehrbase.testcase008.v0__compo_1_3_test_set_4.json"] = "openehr/ehrbase-integration-tests/valid_templates/query_test_sets/ehrbase.testcase008.v0.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/ehrbase.testcase008.v0__compo_1_4_no_obs_cluster_test_set_4.json"] = "openehr/ehrbase-integration-tests/valid_templates/query_test_sets/ehrbase.testcase008.v0.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/ehrbase.testcase05.v0__compo1_test_set_1.json"] = "openehr/ehrbase-integration-tests/valid_templates/query_test_sets/ehrbase.testcase05.v0.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/ehrbase.testcase05.v0__compo2_test_set_1.json"] = "openehr/ehrbase-integration-tests/valid_templates/query_test_sets/ehrbase.testcase05.v0.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/ehrbase.testcase05.v0__compo3_no_obs_test_set_1.json"] = "openehr/ehrbase-integration-tests/valid_templates/query_test_sets/ehrbase.testcase05.v0.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/ehrbase.testcase05.v0__compo4_no_action_test_set_1.json"] = "openehr/ehrbase-integration-tests/valid_templates/query_test_sets/ehrbase.testcase05.v0.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/ehrbase.testcase05.v0__compo5_no_evaluation_test_set_1.json"] = "openehr/ehrbase-integration-tests/valid_templates/query_test_sets/ehrbase.testcase05.v0.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/ehrbase.testcase05.v0__compo6_no_instruction_test_set_1.json"] = "openehr/ehrbase-integration-tests/valid_templates/query_test_sets/ehrbase.testcase05.v0.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/ehrbase.testcase05.v0__compo8_no_cluster_test_set_1.json"] = "openehr/ehrbase-integration-tests/valid_templates/query_test_sets/ehrbase.testcase05.v0.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/ehrbase.testcase06.v0__compo1_test_set_3.json"] = "openehr/ehrbase-integration-tests/valid_templates/query_test_sets/ehrbase.testcase06.v0.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/ehrbase.testcase06.v0__compo2_test_set_3.json"] = "openehr/ehrbase-integration-tests/valid_templates/query_test_sets/ehrbase.testcase06.v0.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/ehrbase.testcase06.v0__compo3_test_set_3.json"] = "openehr/ehrbase-integration-tests/valid_templates/query_test_sets/ehrbase.testcase06.v0.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/ehrbase.testcase06.v0__compo4_no_obs_cluster_test_set_3.json"] = "openehr/ehrbase-integration-tests/valid_templates/query_test_sets/ehrbase.testcase06.v0.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/ehrbase.testcase06.v0__compo5_no_action_cluster_test_set_3.json"] = "openehr/ehrbase-integration-tests/valid_templates/query_test_sets/ehrbase.testcase06.v0.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/ehrbase.testcase06.v0__compo6_no_evaluation_cluster_test_set_3.json"] = "openehr/ehrbase-integration-tests/valid_templates/query_test_sets/ehrbase.testcase06.v0.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/ehrbase.testcase06.v0__compo7_no_instruction_cluster_test_set_3.json"] = "openehr/ehrbase-integration-tests/valid_templates/query_test_sets/ehrbase.testcase06.v0.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/ehrbase.testcase06.v0__compo_2_1_test_set_4.json"] = "openehr/ehrbase-integration-tests/valid_templates/query_test_sets/ehrbase.testcase06.v0.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/ehrbase.testcase06.v0__compo_2_2_test_set_4.json"] = "openehr/ehrbase-integration-tests/valid_templates/query_test_sets/ehrbase.testcase06.v0.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/ehrbase.testcase09.v0__compo1_test_set_5.json"] = "openehr/ehrbase-integration-tests/valid_templates/query_test_sets/ehrbase.testcase09.v0.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/ehrbase.testcase09.v0__compo2_test_set_5.json"] = "openehr/ehrbase-integration-tests/valid_templates/query_test_sets/ehrbase.testcase09.v0.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/ehrbase.testcase09.v0__compo3_test_set_5.json"] = "openehr/ehrbase-integration-tests/valid_templates/query_test_sets/ehrbase.testcase09.v0.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/ehrbase.testcase09.v0__compo4_test_set_5.json"] = "openehr/ehrbase-integration-tests/valid_templates/query_test_sets/ehrbase.testcase09.v0.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/ehrbase.testcase09.v0__compo5_test_set_5.json"] = "openehr/ehrbase-integration-tests/valid_templates/query_test_sets/ehrbase.testcase09.v0.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/ehrbase.testcase09.v0__compo6_test_set_5.json"] = "openehr/ehrbase-integration-tests/valid_templates/query_test_sets/ehrbase.testcase09.v0.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/ehrbase.testcase09.v0__compo7_test_set_5.json"] = "openehr/ehrbase-integration-tests/valid_templates/query_test_sets/ehrbase.testcase09.v0.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/ehrn_family_history.v2__.json"] = "openehr/ehrbase-integration-tests/valid_templates/all_types/ehrn_family_history.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/ehrn_family_history__.json"] = "openehr/ehrbase-integration-tests/valid_templates/all_types/ehrn_family_history.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/ehrn_vital_signs.v2__.json"] = "openehr/ehrbase-integration-tests/valid_templates/all_types/ehrn_vital_signs.v2.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/family_history.v2__.json"] = "openehr/ehrbase-integration-tests/valid_templates/all_types/family_history.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/family_history__.json"] = "openehr/ehrbase-integration-tests/valid_templates/all_types/family_history.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/family_history__with_uid.json"] = "openehr/ehrbase-integration-tests/valid_templates/all_types/family_history.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/medications_statement.v0__.json"] = "openehr/ehrbase-integration-tests/valid_templates/all_types/medications_statement.v0.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/minimal_action.en.v1_20211018102623_000001_1.xml.flat.json"] = "openehr/ehrbase-integration-tests/valid_templates/minimal/minimal_action.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/minimal_action.en.v1__health_care_facility_select_missing.json"] = "openehr/ehrbase-integration-tests/valid_templates/minimal/minimal_action.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/minimal_action.en.v1__health_care_facility_select_populated.json"] = "openehr/ehrbase-integration-tests/valid_templates/minimal/minimal_action.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/minimal_action_2_20211018102553_000001_1.xml.flat.json"] = "openehr/ehrbase-integration-tests/valid_templates/minimal/minimal_action_2.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/minimal_admin.en.v1_20211018102636_000001_1.xml.flat.json"] = "openehr/ehrbase-integration-tests/valid_templates/minimal/minimal_admin.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/minimal_evaluation.en.v1_20211018102718_000001_1.xml.flat.json"] = "openehr/ehrbase-integration-tests/valid_templates/minimal/minimal_evaluation.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/minimal_observation.en.v1_20211018102756_000001_1.xml.flat.json"] = "openehr/ehrbase-integration-tests/valid_templates/minimal/minimal_observation.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/nested.en.v1_20211018103338_000001_1.xml.flat.json"] = "openehr/ehrbase-integration-tests/valid_templates/nested/nested.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/nested.en.v1__full.json"] = "openehr/ehrbase-integration-tests/valid_templates/nested/nested.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/nested.en.v1__full.xml.flat.json"] = "openehr/ehrbase-integration-tests/valid_templates/nested/nested.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/nested.en.v1__full_without_links.xml.flat.json"] = "openehr/ehrbase-integration-tests/valid_templates/nested/nested.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/obs_act.en.v1_20211018103027_000001_1.xml.flat.json"] = "openehr/ehrbase-integration-tests/valid_templates/minimal_entry_combination/obs_act.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/obs_admin.en.v1_20211018103037_000001_1.xml.flat.json"] = "openehr/ehrbase-integration-tests/valid_templates/minimal_entry_combination/obs_admin.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/obs_eva.en.v1_20211018103104_000001_1.xml.flat.json"] = "openehr/ehrbase-integration-tests/valid_templates/minimal_entry_combination/obs_eva.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/obs_inst.en.v1_20211018103116_000001_1.xml.flat.json"] = "openehr/ehrbase-integration-tests/valid_templates/minimal_entry_combination/obs_inst.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/persistent_minimal.en.v1_20211018103314_000001_1.xml.flat.json"] = "openehr/ehrbase-integration-tests/valid_templates/minimal_persistent/persistent_minimal.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/persistent_minimal.en.v1__full.json"] = "openehr/ehrbase-integration-tests/valid_templates/minimal_persistent/persistent_minimal.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/persistent_minimal.en.v1__full.xml.flat.json"] = "openehr/ehrbase-integration-tests/valid_templates/minimal_persistent/persistent_minimal.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/persistent_minimal.en.v1__full_without_links.xml.flat.json"] = "openehr/ehrbase-integration-tests/valid_templates/minimal_persistent/persistent_minimal.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/persistent_minimal_2.en.v1_20211018103229_000001_1.xml.flat.json"] = "openehr/ehrbase-integration-tests/valid_templates/minimal_persistent/persistent_minimal_2.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/persistent_minimal_all_entries.en.v1_20211018103243_000001_1.xml.flat.json"] = "openehr/ehrbase-integration-tests/valid_templates/minimal_persistent/persistent_minimal_all_entries.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/ssiad_priesm_expected_values.json"] = "openehr/ehrbase-integration-tests/valid_templates/all_types/SSIAD PRIeSM.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/test-ism.vitagroup.de.v1__.json"] = "openehr/ehrbase-integration-tests/valid_templates/all_types/test-ism.vitagroup.de.v1.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/test-ism.vitagroup.de.v1__ism_invalid_current_state.json"] = "openehr/ehrbase-integration-tests/valid_templates/all_types/test-ism.vitagroup.de.v1.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/test-ism.vitagroup.de.v1__ism_missing_transition.json"] = "openehr/ehrbase-integration-tests/valid_templates/all_types/test-ism.vitagroup.de.v1.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/test-ism.vitagroup.de.v1__ism_wrong_current_state.json"] = "openehr/ehrbase-integration-tests/valid_templates/all_types/test-ism.vitagroup.de.v1.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/test_all_types.en.v1_20211018101804_000001_1.xml.flat.json"] = "openehr/ehrbase-integration-tests/valid_templates/all_types/Test_all_types.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/time_series.en.v1_20211018103435_000001_1.xml.flat.json"] = "openehr/ehrbase-integration-tests/valid_templates/time_series/time_series.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/vitagroup-medication-list.v0__composition_with_medication_item.json"] = "openehr/ehrbase-integration-tests/valid_templates/query_test_sets/vitagroup-medication-list.v0.opt",
        ["openehr/ehrbase-integration-tests/flat_compositions/minimal_action.en.v1.instance_flat_input_1.json"] = "openehr/ehrbase-integration-tests/valid_templates/minimal/minimal_action.opt",
        ["openehr/ehrbase-integration-tests/flat_compositions/minimal_action.en.v1.instance_flat_input_2.json"] = "openehr/ehrbase-integration-tests/valid_templates/minimal/minimal_action.opt",
        ["openehr/ehrbase-integration-tests/flat_compositions/minimal_admin.en.v1.instance_flat_input_1.json"] = "openehr/ehrbase-integration-tests/valid_templates/minimal/minimal_admin.opt",
        ["openehr/ehrbase-integration-tests/flat_compositions/minimal_admin.en.v1.instance_flat_input_2.json"] = "openehr/ehrbase-integration-tests/valid_templates/minimal/minimal_admin.opt",
        ["openehr/ehrbase-integration-tests/flat_compositions/minimal_evaluation.en.v1.instance_flat_input_1.json"] = "openehr/ehrbase-integration-tests/valid_templates/minimal/minimal_evaluation.opt",
        ["openehr/ehrbase-integration-tests/flat_compositions/minimal_evaluation.en.v1.instance_flat_input_2.json"] = "openehr/ehrbase-integration-tests/valid_templates/minimal/minimal_evaluation.opt",
        ["openehr/ehrbase-integration-tests/flat_compositions/minimal_instruction.en.v1.instance_flat_input_1.json"] = "openehr/ehrbase-integration-tests/valid_templates/minimal/minimal_instruction.opt",
        ["openehr/ehrbase-integration-tests/flat_compositions/minimal_instruction.en.v1.instance_flat_input_2.json"] = "openehr/ehrbase-integration-tests/valid_templates/minimal/minimal_instruction.opt",
        ["openehr/ehrbase-integration-tests/flat_compositions/minimal_observation.en.v1.instance_flat_input_1.json"] = "openehr/ehrbase-integration-tests/valid_templates/minimal/minimal_observation.opt",
        ["openehr/ehrbase-integration-tests/flat_compositions/minimal_observation.en.v1.instance_flat_input_2.json"] = "openehr/ehrbase-integration-tests/valid_templates/minimal/minimal_observation.opt",
        ["openehr/ehrbase-integration-tests/flat_compositions/minimal_observation.en.v1.instance_flat_output_1.json"] = "openehr/ehrbase-integration-tests/valid_templates/minimal/minimal_observation.opt",
        ["openehr/ehrbase-integration-tests/flat_compositions/minimal_observation.en.v1.instance_flat_output_2.json"] = "openehr/ehrbase-integration-tests/valid_templates/minimal/minimal_observation.opt",
        ["openehr/ehrbase-integration-tests/flat_compositions/test_all_types.en.v1.instance_flat_output_1.json"] = "openehr/ehrbase-integration-tests/valid_templates/all_types/Test_all_types.opt",
        ["openehr/ehrbase-integration-tests/flat_compositions/test_all_types.en.v1.instance_flat_output_2.json"] = "openehr/ehrbase-integration-tests/valid_templates/all_types/Test_all_types.opt",
        ["openehr/ehrbase-sdk-test-data/composition/flat/simSDT/AlternativeEvents.json"] = "openehr/ehrbase-sdk-test-data/operationaltemplate/AlternativeEvents.opt",
        ["openehr/ehrbase-sdk-test-data/composition/flat/simSDT/AlternativeEvents2.json"] = "openehr/ehrbase-sdk-test-data/operationaltemplate/AlternativeEvents.opt",
        ["openehr/ehrbase-sdk-test-data/composition/flat/simSDT/EREACT - Covid status monitoring - FLAT.json"] = "openehr/ehrbase-sdk-test-data/operationaltemplate/EREACT - COVID management.v0.opt",
        ["openehr/ehrbase-sdk-test-data/composition/flat/simSDT/EREACT - Deterioration_assessment.json"] = "openehr/ehrbase-sdk-test-data/operationaltemplate/EREACT - Deterioriation assessment.v0.opt",
        ["openehr/ehrbase-sdk-test-data/composition/flat/simSDT/IDCR - Adverse Reaction List.json"] = "openehr/ehrbase-sdk-test-data/operationaltemplate/IDCR - Adverse Reaction List.v1.opt",
        ["openehr/ehrbase-sdk-test-data/composition/flat/simSDT/NCD.json"] = "openehr/ehrbase-sdk-test-data/operationaltemplate/NCD.opt",
        ["openehr/ehrbase-sdk-test-data/composition/flat/simSDT/ReSPECT.json"] = "openehr/ehrbase-sdk-test-data/operationaltemplate/ReSPECT-3.v0.opt",
        ["openehr/ehrbase-sdk-test-data/composition/flat/simSDT/SSIAD_PRIeSM.json"] = "openehr/ehrbase-sdk-test-data/operationaltemplate/SSIAD_PRIeSM.opt",
        ["openehr/ehrbase-sdk-test-data/composition/flat/simSDT/Vitalsigns.json"] = "openehr/ehrbase-sdk-test-data/operationaltemplate/EHRN Vital signs.v2.opt",
        ["openehr/ehrbase-sdk-test-data/composition/flat/simSDT/conformance/ehrbase_conformance_Element_feeder_audit.json"] = "openehr/ehrbase-sdk-test-data/operationaltemplate/conformance_ehrbase.de.v0.opt",
        ["openehr/ehrbase-sdk-test-data/composition/flat/simSDT/conformance/ehrbase_conformance_Element_null_flavor.json"] = "openehr/ehrbase-sdk-test-data/operationaltemplate/conformance_ehrbase.de.v0.opt",
        ["openehr/ehrbase-sdk-test-data/composition/flat/simSDT/conformance/ehrbase_conformance_action.json"] = "openehr/ehrbase-sdk-test-data/operationaltemplate/conformance_ehrbase.de.v0.opt",
        ["openehr/ehrbase-sdk-test-data/composition/flat/simSDT/conformance/ehrbase_conformance_admin_entry.json"] = "openehr/ehrbase-sdk-test-data/operationaltemplate/conformance_ehrbase.de.v0.opt",
        ["openehr/ehrbase-sdk-test-data/composition/flat/simSDT/conformance/ehrbase_conformance_cluster.json"] = "openehr/ehrbase-sdk-test-data/operationaltemplate/conformance_ehrbase.de.v0.opt",
        ["openehr/ehrbase-sdk-test-data/composition/flat/simSDT/conformance/ehrbase_conformance_composition.json"] = "openehr/ehrbase-sdk-test-data/operationaltemplate/conformance_ehrbase.de.v0.opt",
        ["openehr/ehrbase-sdk-test-data/composition/flat/simSDT/conformance/ehrbase_conformance_data_types_dv_boolean.json"] = "openehr/ehrbase-sdk-test-data/operationaltemplate/conformance_ehrbase.de.v0.opt",
        ["openehr/ehrbase-sdk-test-data/composition/flat/simSDT/conformance/ehrbase_conformance_data_types_dv_coded_text.json"] = "openehr/ehrbase-sdk-test-data/operationaltemplate/conformance_ehrbase.de.v0.opt",
        ["openehr/ehrbase-sdk-test-data/composition/flat/simSDT/conformance/ehrbase_conformance_data_types_dv_coded_text_as_dv_text.json"] = "openehr/ehrbase-sdk-test-data/operationaltemplate/conformance_ehrbase.de.v0.opt",
        ["openehr/ehrbase-sdk-test-data/composition/flat/simSDT/conformance/ehrbase_conformance_data_types_dv_count.json"] = "openehr/ehrbase-sdk-test-data/operationaltemplate/conformance_ehrbase.de.v0.opt",
        ["openehr/ehrbase-sdk-test-data/composition/flat/simSDT/conformance/ehrbase_conformance_data_types_dv_date.json"] = "openehr/ehrbase-sdk-test-data/operationaltemplate/conformance_ehrbase.de.v0.opt",
        ["openehr/ehrbase-sdk-test-data/composition/flat/simSDT/conformance/ehrbase_conformance_data_types_dv_date_time.json"] = "openehr/ehrbase-sdk-test-data/operationaltemplate/conformance_ehrbase.de.v0.opt",
        ["openehr/ehrbase-sdk-test-data/composition/flat/simSDT/conformance/ehrbase_conformance_data_types_dv_duration.json"] = "openehr/ehrbase-sdk-test-data/operationaltemplate/conformance_ehrbase.de.v0.opt",
        ["openehr/ehrbase-sdk-test-data/composition/flat/simSDT/conformance/ehrbase_conformance_data_types_dv_ehr_uri.json"] = "openehr/ehrbase-sdk-test-data/operationaltemplate/conformance_ehrbase.de.v0.opt",
        ["openehr/ehrbase-sdk-test-data/composition/flat/simSDT/conformance/ehrbase_conformance_data_types_dv_identifier.json"] = "openehr/ehrbase-sdk-test-data/operationaltemplate/conformance_ehrbase.de.v0.opt",
        ["openehr/ehrbase-sdk-test-data/composition/flat/simSDT/conformance/ehrbase_conformance_data_types_dv_multimedia.json"] = "openehr/ehrbase-sdk-test-data/operationaltemplate/conformance_ehrbase.de.v0.opt",
        ["openehr/ehrbase-sdk-test-data/composition/flat/simSDT/conformance/ehrbase_conformance_data_types_dv_ordinal.json"] = "openehr/ehrbase-sdk-test-data/operationaltemplate/conformance_ehrbase.de.v0.opt",
        ["openehr/ehrbase-sdk-test-data/composition/flat/simSDT/conformance/ehrbase_conformance_data_types_dv_parsable.json"] = "openehr/ehrbase-sdk-test-data/operationaltemplate/conformance_ehrbase.de.v0.opt",
        ["openehr/ehrbase-sdk-test-data/composition/flat/simSDT/conformance/ehrbase_conformance_data_types_dv_proportion.json"] = "openehr/ehrbase-sdk-test-data/operationaltemplate/conformance_ehrbase.de.v0.opt",
        ["openehr/ehrbase-sdk-test-data/composition/flat/simSDT/conformance/ehrbase_conformance_data_types_dv_quantity.json"] = "openehr/ehrbase-sdk-test-data/operationaltemplate/conformance_ehrbase.de.v0.opt",
        ["openehr/ehrbase-sdk-test-data/composition/flat/simSDT/conformance/ehrbase_conformance_data_types_dv_text.json"] = "openehr/ehrbase-sdk-test-data/operationaltemplate/conformance_ehrbase.de.v0.opt",
        ["openehr/ehrbase-sdk-test-data/composition/flat/simSDT/conformance/ehrbase_conformance_data_types_dv_time.json"] = "openehr/ehrbase-sdk-test-data/operationaltemplate/conformance_ehrbase.de.v0.opt",
        ["openehr/ehrbase-sdk-test-data/composition/flat/simSDT/conformance/ehrbase_conformance_data_types_dv_uri.json"] = "openehr/ehrbase-sdk-test-data/operationaltemplate/conformance_ehrbase.de.v0.opt",
        ["openehr/ehrbase-sdk-test-data/composition/flat/simSDT/conformance/ehrbase_conformance_data_types_interval_dv_quantity.json"] = "openehr/ehrbase-sdk-test-data/operationaltemplate/conformance_ehrbase.de.v0.opt",
        ["openehr/ehrbase-sdk-test-data/composition/flat/simSDT/conformance/ehrbase_conformance_evaluation.json"] = "openehr/ehrbase-sdk-test-data/operationaltemplate/conformance_ehrbase.de.v0.opt",
        ["openehr/ehrbase-sdk-test-data/composition/flat/simSDT/conformance/ehrbase_conformance_feeder_audit_multimedia.json"] = "openehr/ehrbase-sdk-test-data/operationaltemplate/conformance_ehrbase.de.v0.opt",
        ["openehr/ehrbase-sdk-test-data/composition/flat/simSDT/conformance/ehrbase_conformance_instruction.json"] = "openehr/ehrbase-sdk-test-data/operationaltemplate/conformance_ehrbase.de.v0.opt",
        ["openehr/ehrbase-sdk-test-data/composition/flat/simSDT/conformance/ehrbase_conformance_interval_event.json"] = "openehr/ehrbase-sdk-test-data/operationaltemplate/conformance_ehrbase.de.v0.opt",
        ["openehr/ehrbase-sdk-test-data/composition/flat/simSDT/conformance/ehrbase_conformance_observation.json"] = "openehr/ehrbase-sdk-test-data/operationaltemplate/conformance_ehrbase.de.v0.opt",
        ["openehr/ehrbase-sdk-test-data/composition/flat/simSDT/conformance/ehrbase_conformance_party_identified.json"] = "openehr/ehrbase-sdk-test-data/operationaltemplate/conformance_ehrbase.de.v0.opt",
        ["openehr/ehrbase-sdk-test-data/composition/flat/simSDT/conformance/ehrbase_conformance_party_related.json"] = "openehr/ehrbase-sdk-test-data/operationaltemplate/conformance_ehrbase.de.v0.opt",
        ["openehr/ehrbase-sdk-test-data/composition/flat/simSDT/conformance/ehrbase_conformance_party_self.json"] = "openehr/ehrbase-sdk-test-data/operationaltemplate/conformance_ehrbase.de.v0.opt",
        ["openehr/ehrbase-sdk-test-data/composition/flat/simSDT/conformance/ehrbase_conformance_point_event.json"] = "openehr/ehrbase-sdk-test-data/operationaltemplate/conformance_ehrbase.de.v0.opt",
        ["openehr/ehrbase-sdk-test-data/composition/flat/simSDT/conformance/ehrbase_conformance_section.json"] = "openehr/ehrbase-sdk-test-data/operationaltemplate/conformance_ehrbase.de.v0.opt",
        ["openehr/ehrbase-sdk-test-data/composition/flat/simSDT/corona.json"] = "openehr/ehrbase-sdk-test-data/operationaltemplate/corona_anamnese.opt",
        ["openehr/ehrbase-sdk-test-data/composition/flat/simSDT/corona_with_context.json"] = "openehr/ehrbase-sdk-test-data/operationaltemplate/corona_anamnese.opt",
        ["openehr/ehrbase-sdk-test-data/composition/flat/simSDT/corona_with_feeder_audit.json"] = "openehr/ehrbase-sdk-test-data/operationaltemplate/corona_anamnese.opt",
        ["openehr/ehrbase-sdk-test-data/composition/flat/simSDT/corona_with_feeder_audit_raw.json"] = "openehr/ehrbase-sdk-test-data/operationaltemplate/corona_anamnese.opt",
        ["openehr/ehrbase-sdk-test-data/composition/flat/simSDT/corona_with_other_participation.json"] = "openehr/ehrbase-sdk-test-data/operationaltemplate/corona_anamnese.opt",
        ["openehr/ehrbase-sdk-test-data/composition/flat/simSDT/corona_with_raw.json"] = "openehr/ehrbase-sdk-test-data/operationaltemplate/corona_anamnese.opt",
        ["openehr/ehrbase-sdk-test-data/composition/flat/simSDT/duration_validation.json"] = "openehr/ehrbase-sdk-test-data/operationaltemplate/duration_validation.opt",
        ["openehr/ehrbase-sdk-test-data/composition/flat/simSDT/ehrb_adbm_op_consult_record.json"] = "openehr/ehrbase-sdk-test-data/operationaltemplate/EHRN-ABDM-OPConsultRecord.v2.0.opt",
        ["openehr/ehrbase-sdk-test-data/composition/flat/simSDT/flat_with_missing_count.json"] = "openehr/ehrbase-sdk-test-data/operationaltemplate/ehrbase_multi_occurrence.de.opt",
        ["openehr/ehrbase-sdk-test-data/composition/flat/simSDT/ips_flat.json"] = "openehr/ehrbase-sdk-test-data/operationaltemplate/ips.v0.opt",
        ["openehr/ehrbase-sdk-test-data/composition/flat/simSDT/ism_invalid_current_state.json"] = "openehr/ehrbase-sdk-test-data/operationaltemplate/test-ism.vitagroup.de.v1.opt",
        ["openehr/ehrbase-sdk-test-data/composition/flat/simSDT/ism_missing_transition.json"] = "openehr/ehrbase-sdk-test-data/operationaltemplate/test-ism.vitagroup.de.v1.opt",
        ["openehr/ehrbase-sdk-test-data/composition/flat/simSDT/ism_vaild_transition.json"] = "openehr/ehrbase-sdk-test-data/operationaltemplate/test-ism.vitagroup.de.v1.opt",
        ["openehr/ehrbase-sdk-test-data/composition/flat/simSDT/ism_wrong_current_state.json"] = "openehr/ehrbase-sdk-test-data/operationaltemplate/test-ism.vitagroup.de.v1.opt",
        ["openehr/ehrbase-sdk-test-data/composition/flat/simSDT/multi_list.json"] = "openehr/ehrbase-sdk-test-data/operationaltemplate/Multi_list.opt",
        ["openehr/ehrbase-sdk-test-data/composition/flat/simSDT/multi_occurrence.json"] = "openehr/ehrbase-sdk-test-data/operationaltemplate/ehrbase_multi_occurrence.de.opt",
        ["openehr/ehrbase-sdk-test-data/composition/flat/simSDT/nested.en.v1.json"] = "openehr/ehrbase-sdk-test-data/operationaltemplate/nested.en.v1.opt",
        ["openehr/ehrbase-sdk-test-data/composition/flat/simSDT/test_all_types.json"] = "openehr/ehrbase-sdk-test-data/operationaltemplate/Test_all_types.opt",
        ["openehr/ehrbase-sdk-test-data/composition/flat/simSDT/wordwithandin_test.json"] = "openehr/ehrbase-sdk-test-data/operationaltemplate/wordwithandin_test.v0.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/nested.en.v1__invalid_wrong_structure.json"] = "openehr/ehrbase-integration-tests/valid_templates/nested/nested.opt",
        ["openehr/ehrbase-integration-tests/compositions/FLAT/persistent_minimal.en.v1__invalid_wrong_structure.json"] = "openehr/ehrbase-integration-tests/valid_templates/minimal_persistent/persistent_minimal.opt",
    };

    /// <summary>A FLAT file that is not valid FLAT of its template: why, and the first error expected (code and path).</summary>
    public sealed record Refusal(string Reason, string Code, string Path);

    /// <summary>The FLAT files that are not valid FLAT, so are refused with a located error instead of round-tripping.</summary>
    public static readonly IReadOnlyDictionary<string, Refusal> Refused = new Dictionary<string, Refusal>
    {
        ["openehr/ehrbase-integration-tests/compositions/FLAT/nested.en.v1__invalid_wrong_structure.json"] = new(
            "not JSON: a bare key list without the enclosing object (EHRbase's negative test)", FlatErrorCodes.Syntax, ""),
        ["openehr/ehrbase-integration-tests/compositions/FLAT/persistent_minimal.en.v1__invalid_wrong_structure.json"] = new(
            "not JSON: a bare key list without the enclosing object (EHRbase's negative test)", FlatErrorCodes.Syntax, ""),
        ["openehr/ehrbase-integration-tests/compositions/FLAT/dv_duration_max__.json"] = new(
            "gives two alternatives of one single ELEMENT (zeitpunkt: time_value and interval<dv_time>_value); the SDK silently keeps the last",
            FlatErrorCodes.Conflict, "medikamentenliste/medikationseintrag:0/dosierung:0/tägliche_dosierung:0/zeitpunkt/interval<dv_time>_value/upper"),
        ["openehr/ehrbase-integration-tests/compositions/FLAT/nested.en.v1__full.json"] = new(
            "'|terminology_id' is no FLAT suffix (the SDK refuses it too: 'Could not consume Parts')",
            FlatErrorCodes.UnknownSuffix, "nesting/nested:0/nested:0/current_activity/ordinal|terminology_id"),
        ["openehr/ehrbase-integration-tests/flat_compositions/minimal_observation.en.v1.instance_flat_output_1.json"] = new(
            "an output sample without a composer, which a composition must have (no composer key, no ctx/composer_*)",
            FlatErrorCodes.MissingAttribute, "minimal"),
        ["openehr/ehrbase-integration-tests/flat_compositions/minimal_observation.en.v1.instance_flat_output_2.json"] = new(
            "an output sample without a composer, which a composition must have (no composer key, no ctx/composer_*)",
            FlatErrorCodes.MissingAttribute, "minimal"),
        ["openehr/ehrbase-integration-tests/flat_compositions/test_all_types.en.v1.instance_flat_output_1.json"] = new(
            "Better's output form, not the SDK's: codes outside the template's list without text (coded_text|code N.84), a partial date as a JSON object",
            FlatErrorCodes.MissingAttribute, "test_all_types/test_all_types:0/coded_text|value"),
        ["openehr/ehrbase-integration-tests/flat_compositions/test_all_types.en.v1.instance_flat_output_2.json"] = new(
            "Better's output form, not the SDK's: codes outside the template's list without text (coded_text|code E.42), a partial date as a JSON object",
            FlatErrorCodes.MissingAttribute, "test_all_types/test_all_types:0/coded_text|value"),
    };

    /// <summary>A decoded composition that breaks its template: why, and the validator's error codes expected.</summary>
    public sealed record Invalidity(string Reason, params string[] Codes);

    /// <summary>The FLAT files whose content does not satisfy their template: decoding is right, the data is not.</summary>
    public static readonly IReadOnlyDictionary<string, Invalidity> NotValid = new Dictionary<string, Invalidity>
    {
        ["fhir/openfhir-news2/news2_encounter_parent_FLAT.json"] = new(
            "the blood pressure's 24-hour average has width P1DT3H15M where the template fixes PT24H, and it and the pulse's maximum event carry no data items the template requires",
            ValidationErrorCodes.OutOfRange, ValidationErrorCodes.Occurrences),
        ["openehr/ehrbase-integration-tests/compositions/FLAT/RIPPLE_-_Conformance_Test_template_20211019014737_000001_1.xml.flat.json"] = new(
            "random test data: pulse rates with decimals where the template's precision is 0, a ratio proportion (338.8/515.1) where the template " +
            "requires an integral one; and the validator gives both activities at0001 to the first (unnamed, 1..*) constraint, so it finds the " +
            "second, named 'Request #3' (request_3, which the composition has), missing",
            ValidationErrorCodes.Precision, ValidationErrorCodes.BooleanNotAllowed, ValidationErrorCodes.Occurrences),
        ["openehr/ehrbase-integration-tests/compositions/FLAT/persistent_minimal.en.v1__full.json"] = new(
            "its links' targets (target1, target2) are not ehr: URIs, which DV_EHR_URI requires", ValidationErrorCodes.RmInvariant),
        ["openehr/ehrbase-integration-tests/compositions/FLAT/test-ism.vitagroup.de.v1__ism_invalid_current_state.json"] = new(
            "a negative test: current_state 245 active where the template allows only 526 planned", ValidationErrorCodes.CodeNotAllowed),
        ["openehr/ehrbase-integration-tests/compositions/FLAT/test-ism.vitagroup.de.v1__ism_missing_transition.json"] = new(
            "a negative test: current_state 528 cancelled where the template allows only 526 planned", ValidationErrorCodes.CodeNotAllowed),
        ["openehr/ehrbase-integration-tests/compositions/FLAT/test-ism.vitagroup.de.v1__ism_wrong_current_state.json"] = new(
            "a negative test: current_state 245 active where the template allows only 526 planned", ValidationErrorCodes.CodeNotAllowed),
        ["openehr/ehrbase-sdk-test-data/composition/flat/simSDT/ism_invalid_current_state.json"] = new(
            "a negative test: current_state 245 active where the template allows only 526 planned", ValidationErrorCodes.CodeNotAllowed),
        ["openehr/ehrbase-sdk-test-data/composition/flat/simSDT/ism_missing_transition.json"] = new(
            "a negative test: current_state 528 cancelled where the template allows only 526 planned", ValidationErrorCodes.CodeNotAllowed),
        ["openehr/ehrbase-sdk-test-data/composition/flat/simSDT/ism_wrong_current_state.json"] = new(
            "a negative test: current_state 245 active where the template allows only 526 planned", ValidationErrorCodes.CodeNotAllowed),
        ["openehr/ehrbase-integration-tests/compositions/FLAT/test_all_types.en.v1_20211018101804_000001_1.xml.flat.json"] = new(
            "partial_date has a day, which the template's pattern yyyy-??-XX forbids", ValidationErrorCodes.TemporalPattern),
        ["openehr/ehrbase-sdk-test-data/composition/flat/simSDT/test_all_types.json"] = new(
            "partial_date has a day, which the template's pattern yyyy-??-XX forbids", ValidationErrorCodes.TemporalPattern),
        ["openehr/ehrbase-integration-tests/flat_compositions/minimal_instruction.en.v1.instance_flat_input_1.json"] = new(
            "the duration P3DT3H has days and hours where the template's pattern PTM allows minutes only", ValidationErrorCodes.TemporalPattern),
        ["openehr/ehrbase-integration-tests/flat_compositions/minimal_instruction.en.v1.instance_flat_input_2.json"] = new(
            "the duration has parts the template's pattern PTM does not allow", ValidationErrorCodes.TemporalPattern),
    };

    /// <summary>Every FLAT file, for theories.</summary>
    public static TheoryData<string> FlatFiles() => OptFixtures.AsTheoryData(Templates.Keys);

    public static byte[] Read(string relative) => File.ReadAllBytes(OptFixtures.FullPath(relative));

    private static readonly ConcurrentDictionary<string, Compiled> Cache = new();

    /// <summary>A fixture OPT parsed, with its web template and validator, once per test run.</summary>
    public static Compiled Template(string relativeOpt) => Cache.GetOrAdd(relativeOpt, path =>
    {
        var template = path == VitalSignsKey
            ? Validation.ValidationFixtures.VitalSigns().Template
            : Validation.ValidationFixtures.Parse(path);
        return new Compiled(template, WebTemplateBuilder.Build(template), new Lazy<TemplateValidator>(() => TemplateValidator.Compile(template)));
    });

    public const string VitalSignsKey = "fkj.vital_signs_news2.v1";

    public static Compiled VitalSigns() => Template(VitalSignsKey);

    public sealed record Compiled(OperationalTemplate Template, WebTemplate WebTemplate, Lazy<TemplateValidator> Validator)
    {
        internal FlatSchema Schema => FlatSchema.Of(WebTemplate);
    }
}
