using System.Text.Json;
using Fkj.Cdr.Templates.Tests.Support;
using Fkj.Cdr.Templates.WebTemplates;
using Xunit.Abstractions;

namespace Fkj.Cdr.Templates.Tests.WebTemplates;

/// <summary>
/// Every expected web template among the fixtures, built from its OPT and compared field by field.
/// What may differ is listed in <see cref="KnownDifferences"/> with its reason; anything else fails.
/// </summary>
public class WebTemplateGoldenTests(ITestOutputHelper output)
{
    public static TheoryData<string> Names => GoldenWebTemplates.Names();

    [Theory]
    [MemberData(nameof(Names))]
    public void The_web_template_matches_the_golden_file(string name)
    {
        var golden = GoldenWebTemplates.Get(name);
        var result = Compare(golden);
        var unexplained = result.Differences.Where(d => KnownDifferences.Reason(golden, d) is null).ToList();
        output.WriteLine($"{name} ({golden.Producer}): {result.NodesCompared} nodes compared, {result.Differences.Count} differing fields, {unexplained.Count} unexplained");
        foreach (var d in unexplained.Take(200)) output.WriteLine(d.ToString());
        Assert.Empty(unexplained);
    }

    [Theory]
    [InlineData("skipped_invalid_node_ids")]
    [InlineData("test_all_types")]
    [InlineData("Corona_Anamnese_wt")]
    [InlineData("GECCO_Serologischer_Befund_wt")]
    [InlineData("International_Patient_Summary_wt")]
    public void A_golden_file_of_the_SDK_is_matched_exactly(string name)
    {
        var golden = GoldenWebTemplates.Get(name);
        Assert.Equal("SDK", golden.Producer);
        Assert.Empty(Compare(golden).Differences);
    }

    /// <summary>The allow-list stays minimal: every rule and every exact entry explains some difference.</summary>
    [Fact]
    public void Every_known_difference_is_needed()
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var golden in GoldenWebTemplates.All)
        {
            foreach (var difference in Compare(golden).Differences)
            {
                if (KnownDifferences.ExactEntry(golden, difference) is { } path) used.Add(golden.Name + " " + path);
                else if (golden.Producer == "Better" && KnownDifferences.RuleFor(difference) is { } rule) used.Add(rule.Id);
            }
        }

        Assert.Empty(KnownDifferences.BetterRules.Select(r => r.Id).Where(id => !used.Contains(id)));
        Assert.Empty(KnownDifferences.ExactEntries().Select(e => e.File + " " + e.Path).Where(e => !used.Contains(e)));
    }

    /// <summary>Per golden file: nodes compared, differing fields, and how many each reason explains.</summary>
    [Fact]
    public void Summary()
    {
        foreach (var golden in GoldenWebTemplates.All)
        {
            var result = Compare(golden);
            output.WriteLine($"{golden.Name,-34} {golden.Producer,-6} nodes {result.NodesCompared,4}  differing fields {result.Differences.Count,4}");
            var byReason = result.Differences
                .GroupBy(d => KnownDifferences.ExactEntry(golden, d) ?? KnownDifferences.RuleFor(d)?.Id ?? "UNEXPLAINED")
                .OrderByDescending(g => g.Count());
            foreach (var group in byReason) output.WriteLine($"    {group.Count(),4}  {group.Key}");
        }
    }

    internal static WebTemplateComparer.Result Compare(GoldenWebTemplates.Case golden)
    {
        var template = WebTemplateBuilder.Build(GoldenWebTemplates.ParseOpt(golden.Opt));
        var actual = WebTemplateJson.ToUtf8Bytes(template, indented: true);
        if (Environment.GetEnvironmentVariable("FKJ_WEBTEMPLATE_DUMP") is { Length: > 0 } dump)
        {
            Directory.CreateDirectory(dump);
            File.WriteAllBytes(Path.Combine(dump, golden.Name + ".json"), actual);
        }

        using var expectedDocument = JsonDocument.Parse(File.ReadAllBytes(OptFixtures.FullPath(golden.Golden)));
        using var actualDocument = JsonDocument.Parse(actual);
        return WebTemplateComparer.Compare(expectedDocument.RootElement, actualDocument.RootElement);
    }
}
