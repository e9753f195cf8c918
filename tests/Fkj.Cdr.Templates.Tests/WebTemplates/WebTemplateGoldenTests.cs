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
        var unexplained = result.Differences.Where(d => KnownDifferences.Reason(name, d) is null).ToList();
        output.WriteLine($"{name} ({golden.Producer}): {result.NodesCompared} nodes compared, {result.Differences.Count} differing fields, {unexplained.Count} unexplained");
        foreach (var d in unexplained.Take(200)) output.WriteLine(d.ToString());
        Assert.Empty(unexplained);
    }

    [Fact]
    public void Summary()
    {
        foreach (var golden in GoldenWebTemplates.All)
        {
            var result = Compare(golden);
            output.WriteLine($"{golden.Name,-34} {golden.Producer,-6} nodes {result.NodesCompared,4}  differing fields {result.Differences.Count,4}");
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
