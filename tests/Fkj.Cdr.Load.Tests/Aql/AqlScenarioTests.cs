using System.Globalization;
using System.Text.Json;
using Fkj.Cdr.Load.Reporting;
using Fkj.Cdr.Load.Tests.Support;
using Fkj.Cdr.Testing;
using Npgsql;

namespace Fkj.Cdr.Load.Tests.Aql;

/// <summary>
/// The AQL scenarios through the harness: the fake server answers the queries as the CDR would for the blood
/// pressures of <see cref="BloodPressureWorld"/> (or wrongly, on purpose), the baselines ask that database.
/// </summary>
public sealed class AqlScenarioTests(BloodPressureWorld world) : IClassFixture<BloodPressureWorld>, IDisposable
{
    private readonly TempDirectory _out = new("fkj-load-aql-out");

    public void Dispose() => _out.Dispose();

    /// <summary>The plan PostgreSQL gives the top query when it walks the index: no Sort node.</summary>
    private const string IndexPlan = """
        {"sql":"SELECT ...","plan":[{"Plan":{"Node Type":"Limit","Actual Rows":10,"Actual Loops":1,"Plans":[
          {"Node Type":"Index Scan","Scan Direction":"Backward","Index Name":"leaf_value_num","Actual Rows":10,"Actual Loops":1}]}}]}
        """;

    /// <summary>The 10 highest systolic values of latest versions (see BloodPressureWorld): C's 170, B's 150, A's 131 down to 124.</summary>
    private static readonly string TopRows = "{\"rows\":[" + string.Join(',',
        new[] { 170, 150, 131, 130, 129, 128, 127, 126, 125, 124 }.Select(v => $"[\"some-ehr\",{v}]")) + "]}";

    private static Func<string, IReadOnlyDictionary<string, string>, bool, string?> Answers(int patients) => (q, _, explain) =>
        explain ? IndexPlan
        : q.Contains("COUNT(DISTINCT", StringComparison.Ordinal) ? $"{{\"rows\":[[{patients}]]}}"
        : q.Contains("ORDER BY", StringComparison.Ordinal) && !q.Contains("$ehr", StringComparison.Ordinal) ? TopRows
        : null;

    [Fact]
    public async Task Equal_answers_give_both_sides_their_figures_and_the_plan_note()
    {
        // Above 140 in the last year: B only.
        await using var server = await FakeCdrServer.StartAsync(aql: Answers(1));
        var (code, report, stdout) = await RunAsync(server, "--scenario", "aql-population,aql-top", "--query-runs", "3");

        Assert.Equal(0, code);
        Assert.Equal(
            ["aql-population baseline", "aql-population server", "aql-top baseline", "aql-top server"],
            report.Results.Select(r => $"{r.Scenario} {r.Target}"));
        Assert.All(report.Results.Where(r => r.Scenario == "aql-population"), r => Assert.Equal(3, r.Succeeded));
        Assert.All(report.Results.Where(r => r.Scenario == "aql-top"), r => Assert.Equal(5, r.Succeeded));
        Assert.All(report.Results, r => Assert.Equal(0, r.Failed));
        Assert.Contains(report.Notes, n => n.StartsWith("aql-top: no full sort", StringComparison.Ordinal) && n.Contains("leaf_value_num", StringComparison.Ordinal));
        Assert.Contains(report.Notes, n => n.Contains("all equal", StringComparison.Ordinal));
        Assert.Contains(report.Notes, n => n.StartsWith("aql-population: answer 1 (EHRs with systolic > 140 since ", StringComparison.Ordinal));
        Assert.Contains("| aql-population | server | 1 client | 3 |", stdout);

        // The population query went with a "since" a year back, and the top query was explained once.
        var population = server.Queries.Where(q => q.Query.Contains("COUNT(DISTINCT", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, population.Count); // one warm-up, three rounds
        var since = DateTimeOffset.Parse(population[0].Parameters["since"], CultureInfo.InvariantCulture);
        Assert.InRange(since, world.Now.AddYears(-1).AddDays(-2), world.Now.AddYears(-1).AddDays(2));
        Assert.Single(server.Queries, q => q.Explain);
        Assert.Contains("> 140 AND", population[0].Query);

        // The AQL scenarios leave the database as they found it: no baseline table.
        await using var exists = world.DataSource.CreateCommand("SELECT to_regclass('public.baseline_doc') IS NOT NULL");
        Assert.False((bool)(await exists.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task A_wrong_answer_is_counted_as_a_mismatch_and_named()
    {
        await using var server = await FakeCdrServer.StartAsync(aql: Answers(2));
        var (_, report, _) = await RunAsync(server, "--scenario", "aql-population", "--query-runs", "2");

        // The baseline answers first (its warm-up comes first), so every answer of the server's differs from it.
        var aql = Assert.Single(report.Results, r => r.Target == "server");
        Assert.Equal(0, aql.Succeeded);
        Assert.Equal(2, aql.Outcomes["answer-mismatch"]);
        var baseline = Assert.Single(report.Results, r => r.Target == "baseline");
        Assert.Equal(2, baseline.Succeeded);
        Assert.Contains(report.Notes, n => n.StartsWith("answer mismatch: aql-population", StringComparison.Ordinal)
            && n.Contains("baseline gave 1, server gave 2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_bound_is_an_option()
    {
        // Above 100 in the last year: A, B and C.
        await using var server = await FakeCdrServer.StartAsync(aql: Answers(3));
        var (_, report, _) = await RunAsync(server, "--scenario", "aql-population", "--query-runs", "1", "--systolic-above", "100");
        Assert.All(report.Results, r => Assert.Equal(1, r.Succeeded));
        Assert.Contains(server.Queries, q => q.Query.Contains("> 100 AND", StringComparison.Ordinal));
    }

    private async Task<(int Code, LoadReportView Report, string Stdout)> RunAsync(FakeCdrServer server, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await LoadHarness.RunAsync(
        [
            "--url", server.Url.ToString(), "--connection-string", world.ConnectionString,
            "--clients", "1", "--requests", "5", "--duration", "30s", "--warmup", "1", "--out", _out.Path, .. args,
        ], TextWriter.Synchronized(stdout), TextWriter.Synchronized(stderr));
        var json = Assert.Single(Directory.GetFiles(_out.Path, "load-*.json"));
        var report = JsonSerializer.Deserialize<LoadReportView>(File.ReadAllText(json), ReportFiles.JsonOptions)!;
        File.Delete(json);
        return (code, report, stdout.ToString());
    }
}
