using System.Text.Json;
using Fkj.Cdr.Load.Bench;
using Fkj.Cdr.Load.Measurement;
using Fkj.Cdr.Load.Reporting;
using Fkj.Cdr.Testing;

namespace Fkj.Cdr.Load.Tests.Bench;

/// <summary>The report from a made-up run: its JSON read back for --from, its tables and its figures.</summary>
public sealed class BenchReportTests : IDisposable
{
    private readonly TempDirectory _dir = new("fkj-bench-test");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void bench_json_reads_back_with_every_level()
    {
        var run = Run();
        var json = JsonSerializer.Serialize(run, ReportFiles.JsonOptions);

        var back = JsonSerializer.Deserialize<BenchRun>(json, BenchCommand.ReadOptions)!;

        Assert.Equal(run.Concurrency!.Report!.Results.Count, back.Concurrency!.Report!.Results.Count);
        Assert.Equal(8, back.Saturation!.Report!.Results.Single(r => r is { Target: "server", TargetRate: 800 }).Shed);
        Assert.Equal(10_000, back.Sizes!.Report!.Results[^1].DatabaseSize);
        Assert.Equal(2, back.Sizes.Report.DatabaseSizes.Count);
        Assert.True(back.Micro!.Results[0].Baseline);
        Assert.Equal([3.5, 3.0, 2.5], back.Machine.LoadAverageAtStart!);
    }

    [Fact]
    public void The_markdown_states_the_command_machine_load_and_each_baseline()
    {
        var run = Run();

        var markdown = BenchMarkdown.Render(run, BenchFigures.Write(run, _dir.Path), "benchmarks");

        Assert.Contains("`./fkj bench --scale small`", markdown);
        Assert.Contains("2 cores (AMD EPYC)", markdown);
        Assert.Contains("**3.50 / 3.00 / 2.50 at the start, 6.00 / 5.00 / 4.00 at the end**", markdown);
        Assert.Contains("baseline `Npgsql INSERT INTO baseline_doc (id uuid, doc jsonb)`", markdown);
        Assert.Contains("![commit: throughput and latency against clients, server beside its baseline](benchmarks/concurrency-commit.png)", markdown);
        // 4 clients: the server's row beside the baseline's, with the ratios.
        Assert.Contains("| 4 | 100.0 | 400.0 | 0.25× | 8.00 / 16.0 / 24.0 | 2.00 / 4.00 / 6.00 | 4.00× | 0 | 0 |", markdown);
        // Past saturation: 503s per second and errors apart.
        Assert.Contains("| 800 (8,000) | 100.0 | 0.8 | 8.00 / 16.0 / 24.0 | timeout: 2 | 0 |", markdown);
        Assert.Contains("| 10,000 | commit |", markdown);
        Assert.Contains("| canonical JSON codec (`CanonicalJsonBenchmarks`) | Decode | 95.8 µs | 1.44× | 51,252 B | JsonDocumentParse: 66.5 µs, 72 B |", markdown);
    }

    [Fact]
    public void The_queries_section_puts_each_aql_query_beside_its_sql_and_names_a_mismatch()
    {
        var run = Run();
        var queries = Report(run.Machine);
        queries.DatabaseSizes.Add(new DatabaseSizeResult(4_000, 4_000, 0, 60_000_000, null, 4_000, 20, 0, 0));
        queries.Results.Add(Level("aql-ehr", "baseline", 1, null, 200, 5, []) with { Operation = "Npgsql: by hand" });
        queries.Results.Add(Level("aql-ehr", "server", 1, null, 100, 10, []) with { Operation = "POST /openehr/v1/query/aql: SELECT ..." });
        queries.Results.Add(Level("aql-population", "baseline", 1, null, 0.5, 2000, []) with { Operation = "Npgsql: count" });
        queries.Results.Add(Level("aql-population", "server", 1, null, 0.4, 2500, new() { ["answer-mismatch"] = 1 }) with { Operation = "POST /openehr/v1/query/aql: SELECT COUNT ..." });
        queries.Notes.Add("aql-top: no full sort: no Sort node; the Limit reads the index leaf_value_num in order.");
        queries.Notes.Add("answer mismatch: aql-population: the answers differ for x: baseline gave 1, server gave 2");
        run.Queries = new LoadPhase { Command = "benchmarks/load --scenario aql-ehr,aql-top,aql-population --db-sizes 4000", Report = queries };

        var markdown = BenchMarkdown.Render(run, [], "benchmarks");

        Assert.Contains("### Queries", markdown);
        Assert.Contains("filled to 4,000 vital-signs compositions", markdown);
        Assert.Contains("`benchmarks/load --scenario aql-ehr,aql-top,aql-population --db-sizes 4000`", markdown);
        // Server p50 10 ms against the baseline's 5: 2.00×; the population's 2500 against 2000: 1.25×, with its mismatch as an error.
        Assert.Contains("| aql-ehr | 1 | 10.0 / 20.0 / 30.0 | 5.00 / 10.0 / 15.0 | 2.00× | 100.0 | 200.0 | 0 |", markdown);
        Assert.Contains("| aql-population | 1 | 2500 / 5000 / 7500 | 2000 / 4000 / 6000 | 1.25× | 0.4 | 0.5 | answer-mismatch: 1 |", markdown);
        Assert.Contains("- **aql-population**: `POST /openehr/v1/query/aql: SELECT COUNT ...`; baseline: Npgsql: count.", markdown);
        Assert.Contains("- answer mismatch: aql-population", markdown);
        Assert.Contains("- aql-top: no full sort", markdown);
    }

    [Fact]
    public void Every_figure_is_a_PNG_of_the_expected_size()
    {
        var figures = BenchFigures.Write(Run(), _dir.Path);

        Assert.Equal(["concurrency-commit.png", "concurrency-read.png", "database-size.png", "saturation.png"], figures.Select(f => f.Name));
        foreach (var f in figures)
        {
            var png = Tests.Reporting.Plots.PngReader.Read(File.ReadAllBytes(Path.Combine(_dir.Path, f.Name)));
            Assert.Equal((1280, 470), (png.Width, png.Height));
            Assert.All(png.Chunks, c => Assert.Equal(c.ComputedCrc, c.StoredCrc));
        }
    }

    private static BenchRun Run()
    {
        var machine = new MachineInfo(2, "Linux", ".NET 10", "AMD EPYC", [3.5, 3, 2.5], [6, 5, 4]);
        var concurrency = Report(machine);
        foreach (var scenario in new[] { "commit", "read" })
        {
            foreach (var clients in new[] { 1, 4 })
            {
                concurrency.Results.Add(Level(scenario, "baseline", clients, null, 400, 2, []));
                concurrency.Results.Add(Level(scenario, "server", clients, null, 100, 8, []));
            }
        }
        var sizes = Report(machine);
        foreach (var size in new[] { 0L, 10_000L })
        {
            foreach (var scenario in new[] { "commit", "read" })
            {
                sizes.Results.Add(Level(scenario, "baseline", 1, null, 300, 1, []) with { DatabaseSize = size, StoredAtStart = size });
                sizes.Results.Add(Level(scenario, "server", 1, null, 90, 9, []) with { DatabaseSize = size, StoredAtStart = size });
            }
            sizes.DatabaseSizes.Add(new DatabaseSizeResult(size, size, size, 1_000_000 + size * 14_000, 16_000 + size * 8_000, size, 40, size, 2));
        }
        var saturation = Report(machine);
        foreach (var rate in new[] { 100.0, 800.0 })
        {
            var shed = rate > 400 ? new Dictionary<string, long> { ["503"] = 8, ["timeout"] = 2 } : [];
            saturation.Results.Add(Level("commit", "baseline", null, rate, 100, 3, []));
            saturation.Results.Add(Level("commit", "server", null, rate, 100, 8, shed));
        }
        return new BenchRun
        {
            CommandLine = "./fkj bench --scale small",
            Scale = "small",
            StartedAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
            FinishedAt = new DateTimeOffset(2026, 1, 2, 3, 10, 5, TimeSpan.Zero),
            Machine = machine,
            OsName = "Debian GNU/Linux 12 (bookworm)",
            Commit = "abc1234",
            ResultsDirectory = "BenchmarkDotNet.Artifacts/bench/20260102-030405",
            Concurrency = new LoadPhase { Command = "benchmarks/load --clients 1,4", Report = concurrency },
            Sizes = new LoadPhase { Command = "benchmarks/load --db-sizes 0,10000", Report = sizes },
            Saturation = new LoadPhase { Command = "benchmarks/load --mode open", Report = saturation },
            Micro = new MicroRun
            {
                Command = "benchmarks/run --filter ...",
                Job = "quick",
                Results =
                [
                    new("CanonicalJsonBenchmarks", "Fkj.Cdr.Benchmarks.Codecs", "JsonDocumentParse", true, "j", 66_520, 71_440, 15_050, 72),
                    new("CanonicalJsonBenchmarks", "Fkj.Cdr.Benchmarks.Codecs", "Decode", false, "j", 95_790, 122_920, 47_860, 51_252),
                ],
            },
        };
    }

    private static LoadReport Report(MachineInfo machine) => new()
    {
        StartedAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
        Machine = machine,
        CommandLine = "benchmarks/load",
        Mode = "closed",
        RequestsPerLevel = 100,
        DurationPerLevelSeconds = 10,
        Warmup = 5,
    };

    private static LevelResult Level(string scenario, string target, int? clients, double? rate, double throughput, double p50, Dictionary<string, long> failures)
    {
        var outcomes = new Dictionary<string, long>(failures) { [target == "server" && scenario == "commit" ? "201" : "200"] = 1000 };
        var failed = failures.Values.Sum();
        var operation = target == "baseline"
            ? scenario == "commit" ? "Npgsql INSERT INTO baseline_doc (id uuid, doc jsonb)" : "Npgsql SELECT doc FROM baseline_doc WHERE id = $1"
            : scenario == "commit" ? "POST /openehr/v1/ehr/{ehr_id}/composition" : "GET /openehr/v1/ehr/{ehr_id}/composition/{version_uid}";
        return new LevelResult(scenario, target, operation, rate is null ? "closed" : "open", clients, rate, rate is null ? null : 1024,
            rate is null ? 1000 + failed : (long)(rate * 10), 1000, failed, outcomes, failures.GetValueOrDefault("503"), 10, throughput,
            new LatencySummary(1000, p50 / 2, p50, p50 * 2, p50 * 3, p50 * 10, p50),
            new LatencySummary(1000 + failed, p50 / 2, p50, p50 * 2, p50 * 3, p50 * 10, p50));
    }
}
