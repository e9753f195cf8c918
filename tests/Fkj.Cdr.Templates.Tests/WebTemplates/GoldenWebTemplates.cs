using Fkj.Cdr.Templates.Opt;
using Fkj.Cdr.Templates.Opt.Parsing;
using Fkj.Cdr.Templates.Tests.Support;

namespace Fkj.Cdr.Templates.Tests.WebTemplates;

/// <summary>
/// The expected web templates among the fixtures and the OPTs they were made from. Five were made by
/// the openEHR SDK (EHRbase's web template, after its filter): the two of the SDK's own test data
/// without an <c>aqlPath</c> on the root, and the three of the EHRbase integration tests. The other
/// twelve in the SDK's test data were exported from Better's EhrScape, which the SDK imitates: there
/// the root has <c>aqlPath: ""</c>, <c>context</c> comes first, and Better-only features show
/// (<c>dependsOn</c>, <c>termBindings</c>, German openEHR terms).
/// </summary>
public static class GoldenWebTemplates
{
    private const string Sdk = "openehr/ehrbase-sdk-test-data";
    private const string Integration = "openehr/ehrbase-integration-tests/valid_templates";

    public sealed record Case(string Name, string Golden, string Opt, string Producer)
    {
        public override string ToString() => Name;
    }

    public static readonly Case[] All =
    [
        new("AlternativeEvents", $"{Sdk}/webtemplate/AlternativeEvents.json", $"{Sdk}/operationaltemplate/AlternativeEvents.opt", "Better"),
        new("GECCO_Diagnose", $"{Sdk}/webtemplate/GECCO_Diagnose.json", $"{Sdk}/operationaltemplate/GECCO_Diagnose.opt", "Better"),
        new("Testing_Template_N", $"{Sdk}/webtemplate/Testing_Template_N.json", $"{Sdk}/operationaltemplate/Testing_Template_N.opt", "Better"),
        new("addiction", $"{Sdk}/webtemplate/addiction.json", $"{Sdk}/operationaltemplate/additciton_alcohol.opt", "Better"),
        new("befund_der_blutgasanalyse", $"{Sdk}/webtemplate/befund_der_blutgasanalyse.json", $"{Sdk}/operationaltemplate/Befund_der_Blutgasanalyse.opt", "Better"),
        new("constrain_test", $"{Sdk}/webtemplate/constrain_test.json", $"{Sdk}/operationaltemplate/constrain_test.opt", "Better"),
        new("corona_anamnese", $"{Sdk}/webtemplate/corona_anamnese.json", $"{Sdk}/operationaltemplate/corona_anamnese.opt", "Better"),
        new("example.initialassesment", $"{Sdk}/webtemplate/example.initialassesment.json", $"{Sdk}/operationaltemplate/example_initialassesment.v0.opt", "Better"),
        new("gecco_serologischer_befund", $"{Sdk}/webtemplate/gecco_serologischer_befund.json", $"{Sdk}/operationaltemplate/GECCO_Serologischer Befund.opt", "Better"),
        new("ips_template", $"{Sdk}/webtemplate/ips_template.json", $"{Sdk}/operationaltemplate/ips.v0.opt", "Better"),
        new("language_test", $"{Sdk}/webtemplate/language_test.json", $"{Sdk}/operationaltemplate/language_test.opt", "Better"),
        new("multi_occurrence", $"{Sdk}/webtemplate/multi_occurrence.json", $"{Sdk}/operationaltemplate/ehrbase_multi_occurrence.de.opt", "Better"),
        new("skipped_invalid_node_ids", $"{Sdk}/webtemplate/skipped_invalid_node_ids.json", $"{Sdk}/operationaltemplate/skipped_invalid_node_ids.opt", "SDK"),
        new("test_all_types", $"{Sdk}/webtemplate/test_all_types.json", $"{Sdk}/operationaltemplate/Test_all_types.opt", "SDK"),
        new("Corona_Anamnese_wt", $"{Integration}/expected_webtemplates/Corona_Anamnese_wt.json", $"{Integration}/all_types/Corona_Anamnese.opt", "SDK"),
        new("GECCO_Serologischer_Befund_wt", $"{Integration}/expected_webtemplates/GECCO_Serologischer_Befund_wt.json", $"{Integration}/all_types/GECCO_Serologischer_Befund.opt", "SDK"),
        new("International_Patient_Summary_wt", $"{Integration}/expected_webtemplates/International_Patient_Summary_wt.json", $"{Integration}/all_types/International_Patient_Summary.opt", "SDK"),
    ];

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var c in All) data.Add(c.Name);
        return data;
    }

    public static Case Get(string name) => All.Single(c => c.Name == name);

    public static OperationalTemplate ParseOpt(string relative)
    {
        using var stream = File.OpenRead(OptFixtures.FullPath(relative));
        return OptParser.Parse(stream);
    }
}
