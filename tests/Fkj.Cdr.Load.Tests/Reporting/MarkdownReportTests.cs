using Fkj.Cdr.Load.Measurement;
using Fkj.Cdr.Load.Reporting;

namespace Fkj.Cdr.Load.Tests.Reporting;

public sealed class MarkdownReportTests
{
    [Fact]
    public void Server_rows_carry_their_ratio_to_the_baseline_and_errors_by_status()
    {
        var report = new LoadReport
        {
            StartedAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
            Machine = new MachineInfo(2, "Linux", ".NET 10", "AMD EPYC", [1.5, 1, 0.5], [2, 1, 0.5]),
            CommandLine = "benchmarks/load",
            Mode = "closed",
            RequestsPerLevel = 100,
            DurationPerLevelSeconds = 60,
            Warmup = 5,
        };
        report.Results.Add(Level("baseline", succeeded: 100, throughput: 400, p50: 2, new() { ["200"] = 100 }, retryAfter: 0));
        report.Results.Add(Level("server", succeeded: 90, throughput: 100, p50: 8, new() { ["201"] = 90, ["503"] = 8, ["timeout"] = 2 }, retryAfter: 8));
        report.Storage.Add(new StorageResult("commit", "server", 100, 1_000, 1_501_000, 15_000,
            new Dictionary<string, long> { ["public.leaf_value"] = 1_000_000, ["public.object_version"] = 500_000 }));
        report.Notes.Add("skipped read (server): POST /openehr/v1/ehr answered 404");

        var markdown = MarkdownReport.Render(report);

        Assert.Contains("| commit | baseline | 4 clients | 100 | – | – | 400.0 | 2.00 |", markdown);
        // 503s (shed by admission control) in their own column, apart from the errors.
        Assert.Contains("| commit | server | 4 clients | 90 | 8 (8 with Retry-After) | timeout: 2 | 100.0 | 8.00 | 16.0 | 24.0 | 80.0 | 4.00× | 0.25× |", markdown);
        Assert.Contains("| commit | server | 100 | 1,000 | 1,501,000 | 15,000 |", markdown);
        Assert.Contains("Bytes per item by table (commit, server): leaf_value 10,000, object_version 5,000.", markdown);
        Assert.Contains("load average 1.50 / 1.00 / 0.50 at start, 2.00 / 1.00 / 0.50 at end", markdown);
        Assert.Contains("- skipped read (server): POST /openehr/v1/ehr answered 404", markdown);
    }

    private static LevelResult Level(string target, long succeeded, double throughput, double p50, Dictionary<string, long> outcomes, long retryAfter) =>
        new("commit", target, "op", "closed", 4, null, null, 100, succeeded, 100 - succeeded, outcomes, retryAfter, 1, throughput,
            new LatencySummary(succeeded, p50 / 2, p50, p50 * 2, p50 * 3, p50 * 10, p50),
            new LatencySummary(100, p50 / 2, p50, p50 * 2, p50 * 3, p50 * 10, p50));
}
