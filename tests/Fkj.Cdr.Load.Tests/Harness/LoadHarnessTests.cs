using System.Text.Json;
using Fkj.Cdr.Load.Reporting;
using Fkj.Cdr.Load.Tests.Support;
using Fkj.Cdr.Testing;

namespace Fkj.Cdr.Load.Tests.Harness;

/// <summary>The whole harness, from its command line to its result files, against the fake CDR server.</summary>
public sealed class LoadHarnessTests : IDisposable
{
    private readonly TempDirectory _out = new("fkj-load-test");

    public void Dispose() => _out.Dispose();

    [Fact]
    public async Task Commit_and_read_levels_are_measured_and_written_as_json_and_markdown()
    {
        await using var server = await FakeCdrServer.StartAsync(refuseEvery: 10);
        var (code, stdout, stderr) = await RunAsync(
            "--url", server.Url.ToString(), "--scenario", "commit,read,read-latest", "--clients", "1,3",
            "--requests", "60", "--duration", "20s", "--warmup", "5", "--ehrs", "4", "--read-set", "20", "--variants", "10",
            "--out", _out.Path);

        Assert.True(code == 0, stderr);
        var report = ReadReport();
        Assert.Equal(
            ["commit 1 client", "commit 3 clients", "read 1 client", "read 3 clients", "read-latest 1 client", "read-latest 3 clients"],
            report.Results.Select(r => $"{r.Scenario} {r.Level}"));
        Assert.All(report.Results, r => Assert.Equal("server", r.Target));
        Assert.All(report.Results, r => Assert.Equal(60, r.Issued));

        // Every tenth commit the fake refuses with 503 and Retry-After: counted, not hidden.
        foreach (var commit in report.Results.Where(r => r.Scenario == "commit"))
        {
            Assert.Equal(60, commit.Succeeded + commit.Failed);
            Assert.InRange(commit.Outcomes["503"], 5, 7);
            Assert.Equal(commit.Outcomes["503"], commit.RetryAfter);
            // 503s are counted as shed, apart from the errors (there are none here).
            Assert.Equal(commit.Outcomes["503"], commit.Shed);
            Assert.Equal(0, commit.Errors);
            Assert.Equal(commit.Succeeded, commit.Outcomes["201"]);
            Assert.True(commit.Latency.P50Ms > 0 && commit.Latency.P50Ms <= commit.Latency.P95Ms && commit.Latency.P95Ms <= commit.Latency.MaxMs);
            Assert.True(commit.Throughput > 0);
        }
        Assert.All(report.Results.Where(r => r.Scenario != "commit"), r => Assert.Equal(new Dictionary<string, long> { ["200"] = 60 }, r.Outcomes));

        Assert.Equal(4, server.EhrCount);
        Assert.Equal(5 + 60 + 60, server.CommitRequests);  // warm-up and two levels; the reads needed no more
        Assert.Equal(125, server.ReadsByVersionUid);
        Assert.Equal(125, server.ReadsByObjectId);
        Assert.InRange(server.HighestInFlight, 1, 3);

        Assert.Contains("no connection string", string.Join(" ", report.Notes));
        Assert.Contains("| commit | server | 3 clients |", stdout);
        var markdown = Assert.Single(Directory.GetFiles(_out.Path, "load-*.md"));
        Assert.Contains("| read-latest | server | 1 client |", await File.ReadAllTextAsync(markdown));
    }

    [Fact]
    public async Task An_open_loop_level_issues_at_the_rate()
    {
        await using var server = await FakeCdrServer.StartAsync();
        var (code, _, stderr) = await RunAsync(
            "--url", server.Url.ToString(), "--scenario", "commit", "--mode", "open", "--rates", "100,200",
            "--requests", "50", "--duration", "20s", "--warmup", "5", "--ehrs", "2", "--variants", "5", "--out", _out.Path);

        Assert.True(code == 0, stderr);
        var report = ReadReport();
        Assert.Equal("open", report.Mode);
        Assert.Equal([100.0, 200.0], report.Results.Select(r => r.TargetRate!.Value));
        Assert.All(report.Results, r => Assert.Equal(50, r.Succeeded));
        // 50 requests at 100/s take about half a second, at 200/s about a quarter: the rate, not the server, sets the pace.
        Assert.True(report.Results[0].ElapsedSeconds >= 0.45);
        Assert.True(report.Results[1].ElapsedSeconds >= 0.2);
    }

    [Fact]
    public async Task Database_sizes_fill_the_server_before_each_and_measure_every_level_there()
    {
        await using var server = await FakeCdrServer.StartAsync();
        var (code, _, stderr) = await RunAsync(
            "--url", server.Url.ToString(), "--scenario", "commit,read", "--clients", "2", "--db-sizes", "120,0,40",
            "--requests", "10", "--duration", "20s", "--warmup", "3", "--ehrs", "3", "--read-set", "5", "--variants", "5",
            "--fill-clients", "4", "--out", _out.Path);

        Assert.True(code == 0, stderr);
        var report = ReadReport();
        Assert.Equal(
            ["commit 0", "read 0", "commit 40", "read 40", "commit 120", "read 120"],
            report.Results.Select(r => $"{r.Scenario} {r.DatabaseSize}"));
        Assert.All(report.Results, r => Assert.Equal(10, r.Succeeded));
        // Each level starts with at least its size stored: the fill tops up what the levels before it committed.
        Assert.All(report.Results, r => Assert.InRange(r.StoredAtStart!.Value, r.DatabaseSize!.Value, r.DatabaseSize.Value + 30));
        var commitsAt40 = report.Results.Single(r => r is { Scenario: "commit", DatabaseSize: 40 });
        Assert.Equal(40, commitsAt40.StoredAtStart);
        Assert.Equal(report.Results.Single(r => r is { Scenario: "commit", DatabaseSize: 120 }).StoredAtStart + 10, server.StoredCompositions);
    }

    [Fact]
    public async Task A_missing_endpoint_skips_the_scenario_and_says_what_answered()
    {
        await using var server = await FakeCdrServer.StartAsync(withEhrEndpoint: false);
        var (code, _, stderr) = await RunAsync(
            "--url", server.Url.ToString(), "--scenario", "commit", "--requests", "10", "--out", _out.Path);

        Assert.Equal(1, code);
        Assert.Contains("POST /openehr/v1/ehr answered 404", stderr);
        var report = ReadReport();
        Assert.Empty(report.Results);
        Assert.Contains(report.Notes, n => n.StartsWith("skipped commit (server): POST /openehr/v1/ehr answered 404", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--url", "http://10.1.2.3:5080", "not a loopback address")]
    [InlineData("--scenario", "aql", "unknown scenario 'aql' (known: commit, read, read-latest, aql-ehr, aql-population, aql-top)")]
    [InlineData("--scenario", "commit,bulk", "unknown scenario 'bulk'")]
    public async Task Bad_options_stop_the_run_before_anything_is_sent(string name, string value, string message)
    {
        var (code, _, stderr) = await RunAsync(name, value, "--out", _out.Path);
        Assert.Equal(2, code);
        Assert.Contains(message, stderr);
        Assert.Empty(Directory.GetFiles(_out.Path));
    }

    private LoadReportView ReadReport()
    {
        var json = Assert.Single(Directory.GetFiles(_out.Path, "load-*.json"));
        return JsonSerializer.Deserialize<LoadReportView>(File.ReadAllText(json), ReportFiles.JsonOptions)!;
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await LoadHarness.RunAsync(args, TextWriter.Synchronized(stdout), TextWriter.Synchronized(stderr));
        return (code, stdout.ToString(), stderr.ToString());
    }
}
