using Fkj.Cdr.Terminology.Ecl.Evaluation;
using Fkj.Cdr.Terminology.Index;
using Fkj.Cdr.Terminology.Rf2;
using Fkj.Cdr.Testing;
using Xunit.Abstractions;

namespace Fkj.Cdr.Terminology.Tests.Ecl.Cases;

/// <summary>
/// The hand-derived ECL cases of <c>*.ecl.txt</c> in this folder, evaluated over the Snowstorm dummy release and
/// the snowstorm-lite mini releases. The expected sets come from the RF2 files (the derivation is beside each group
/// in the case file), never from the evaluator.
/// </summary>
public sealed class EclCaseTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, Lazy<SnomedIndex>> Releases = new()
    {
        ["dummy"] = new(() => SnomedIndexBuilder.Build(Rf2Release.Open(Fixtures.Path("snomed", "snowstorm-dummy", "RF2Release")))),
        ["mini"] = new(() => SnomedIndexBuilder.Build(Rf2Release.Open(
            Fixtures.Path("snomed", "snowstorm-lite-mini", "SnomedCT_MiniRF2"),
            Fixtures.Path("snomed", "snowstorm-lite-mini", "SnomedCT_SE_MiniRF2")))),
    };

    public static TheoryData<EclCase> Cases()
    {
        var data = new TheoryData<EclCase>();
        foreach (var c in EclCaseFile.ReadAll()) data.Add(c);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Evaluates_to_the_set_read_off_the_RF2_files(EclCase c)
    {
        var evaluator = new EclEvaluator(Releases[c.Release].Value);
        if (c.Expected is { } expected)
        {
            Assert.Equal(expected, evaluator.Evaluate(c.Ecl).ToIds());
            return;
        }

        var error = Assert.Throws<EclEvaluationException>(() => evaluator.Evaluate(c.Ecl));
        Assert.Equal(c.ErrorAt, error.Span.Start);
        Assert.Contains(c.ErrorText!, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_case_files_hold_at_least_one_hundred_cases_over_every_area()
    {
        var cases = EclCaseFile.ReadAll();
        foreach (var area in cases.GroupBy(c => c.Area).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{area.Key}: {area.Count()}");
        }

        output.WriteLine($"total: {cases.Count}");
        Assert.True(cases.Count >= 100, $"{cases.Count} cases");
        Assert.All(cases, c => Assert.False(string.IsNullOrEmpty(c.Area), c.Location));
        Assert.All(cases, c => Assert.True(Releases.ContainsKey(c.Release), c.Location));
    }
}
