using System.Globalization;
using System.Text;
using Fkj.Cdr.Load.Reporting;

namespace Fkj.Cdr.Load.Bench;

/// <summary>The generated section of docs/benchmarks.md: how the run was made, then each figure with its table and its baseline.</summary>
public static class BenchMarkdown
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <param name="images">The figures' directory as the markdown file links to it (relative).</param>
    public static string Render(BenchRun run, IReadOnlyList<BenchFigures.Written> figures, string images)
    {
        var sb = new StringBuilder();
        sb.Append("## Benchmark report (`./fkj bench`)\n\n");
        var took = run.FinishedAt is { } end ? $"; it took {(end - run.StartedAt).TotalMinutes:0.0} minutes" : "";
        sb.Append(C, $"**Command.** `{run.CommandLine}` (scale {run.Scale}), started {run.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC{took}. ");
        if (run.Commit is not null)
        {
            sb.Append(C, $"Commit `{run.Commit}`{(run.UncommittedChanges == true ? ", with uncommitted changes of other sessions in the working tree" : "")}. ");
        }
        sb.Append(C, $"Raw results in `{run.ResultsDirectory}` (git-ignored): `bench.json`, each load run's JSON and markdown, the server logs, BenchmarkDotNet's reports.\n\n");

        var m = run.Machine;
        var os = run.OsName is null || run.OsName == m.Os ? m.Os : $"{run.OsName} ({m.Os})";
        sb.Append(C, $"**Machine.** {m.ProcessorCount} cores{(m.CpuModel is null ? "" : $" ({m.CpuModel})")}, {os}, {m.Runtime}");
        var pg = run.Concurrency?.Report?.PostgresVersion ?? run.Sizes?.Report?.PostgresVersion ?? run.Saturation?.Report?.PostgresVersion;
        if (pg is not null)
        {
            sb.Append(C, $", PostgreSQL {pg} (embedded, started by the harness in a temporary directory per load run; fsync and synchronous_commit on)");
        }
        sb.Append(C, $". Load average (1, 5, 15 minutes) **{Load(m.LoadAverageAtStart)} at the start, {Load(m.LoadAverageAtEnd)} at the end**. ");
        sb.Append("The machine is shared with other sessions' builds and tests, so absolute times are inflated and move from run to run; ");
        sb.Append("every figure's baseline ran in the same run, level by level just before the server, under about the same noise: read the ratios more than the times.\n\n");
        foreach (var note in run.Notes)
        {
            sb.Append("- ").Append(note).Append('\n');
        }
        if (run.Notes.Count > 0)
        {
            sb.Append('\n');
        }

        Concurrency(sb, run.Concurrency, figures, images);
        Sizes(sb, run.Sizes, figures, images);
        Saturation(sb, run.Saturation, figures, images);
        Queries(sb, run.Queries);
        Micro(sb, run.Micro);
        return sb.ToString();
    }

    private static void Concurrency(StringBuilder sb, LoadPhase? phase, IReadOnlyList<BenchFigures.Written> figures, string images)
    {
        var report = phase?.Report;
        if (report is null)
        {
            return;
        }
        sb.Append("### Throughput and latency against concurrency\n\n");
        sb.Append(C, $"Closed loop: N clients, each sending its next request when its last one answered; every level at most {report.RequestsPerLevel:N0} requests or {report.DurationPerLevelSeconds:0.#} s, after {report.Warmup} warm-up requests per scenario and target. ");
        sb.Append(C, $"Body: {report.Composition}, {report.Variants} variants of {report.CompositionBytes:N0} bytes. The same run alone: `{phase!.Command}`.\n\n");
        foreach (var scenario in new[] { "commit", "read" })
        {
            var server = BenchSeries.Server(report, scenario);
            if (server.Count == 0)
            {
                continue;
            }
            sb.Append(C, $"**{scenario}**: server `{BenchSeries.Operation(report, scenario, "server")}`; ");
            sb.Append(C, $"baseline `{BenchSeries.Operation(report, scenario, "baseline") ?? "none"}` on the same PostgreSQL.\n\n");
            Image(sb, figures, images, $"concurrency-{scenario}.png");
            sb.Append("| clients | server ok/s | baseline ok/s | server ÷ baseline ok/s | server p50 / p95 / p99 ms | baseline p50 / p95 / p99 ms | p50 ÷ baseline | server 503 | server errors |\n");
            sb.Append("|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
            foreach (var s in server)
            {
                var b = BenchSeries.BaselineOf(report, s);
                sb.Append(C, $"| {s.Clients} | {s.Throughput:N1} | {(b is null ? "" : b.Throughput.ToString("N1", C))} | {Ratio(s.Throughput, b?.Throughput)} | ");
                sb.Append(C, $"{Percentiles(s, p99: true)} | {(b is null ? "" : Percentiles(b, p99: true))} | {Ratio(s.Latency.P50Ms, b?.Latency.P50Ms)} | {Count(s.Shed)} | {Errors(s, b)} |\n");
            }
            sb.Append('\n');
        }
    }

    private static void Sizes(StringBuilder sb, LoadPhase? phase, IReadOnlyList<BenchFigures.Written> figures, string images)
    {
        var report = phase?.Report;
        if (report is null)
        {
            return;
        }
        sb.Append("### Latency against database size\n\n");
        sb.Append("Before each size the harness fills the database, unmeasured: the server through the commit scenario itself (the same POSTs, validated, indexed and audited, ");
        sb.Append("several at a time), the baseline table `baseline_doc` by binary COPY of the same bodies to as many rows. Then commit and read run their levels there, baseline first. ");
        sb.Append(C, $"Reads scatter over everything stored by then. Each level at most {report.RequestsPerLevel:N0} requests or {report.DurationPerLevelSeconds:0.#} s. The same run alone: `{phase!.Command}`.\n\n");
        Image(sb, figures, images, "database-size.png");
        sb.Append("| stored | scenario | server p50 / p95 / p99 ms | baseline p50 / p95 / p99 ms | p50 ÷ baseline | server ok/s | baseline ok/s | server errors |\n");
        sb.Append("|---:|---|---:|---:|---:|---:|---:|---|\n");
        foreach (var s in report.Results.Where(r => r.Target == "server" && r.DatabaseSize is not null))
        {
            var b = BenchSeries.BaselineOf(report, s);
            sb.Append(C, $"| {s.DatabaseSize:N0} | {s.Scenario} | {Percentiles(s, p99: true)} | {(b is null ? "" : Percentiles(b, p99: true))} | {Ratio(s.Latency.P50Ms, b?.Latency.P50Ms)} | ");
            sb.Append(C, $"{s.Throughput:N1} | {(b is null ? "" : b.Throughput.ToString("N1", C))} | {Errors(s, b)} |\n");
        }
        sb.Append('\n');
        if (report.DatabaseSizes.Count > 0)
        {
            sb.Append("| stored | server compositions | server bytes (CDR tables, indexes included) | per composition | baseline rows | baseline bytes | per row | fill: commits/s |\n");
            sb.Append("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            foreach (var d in report.DatabaseSizes)
            {
                sb.Append(C, $"| {d.Size:N0} | {d.ServerCompositions:N0} | {Bytes(d.ServerBytes)} | {PerItem(d.ServerBytes, d.ServerCompositions)} | {d.BaselineRows:N0} | {Bytes(d.BaselineBytes)} | {PerItem(d.BaselineBytes, d.BaselineRows)} | {(d.ServerFilled > 0 ? d.ServerFillRate.ToString("N0", C) : "")} |\n");
            }
            sb.Append("\nThe server's bytes include its EHRs, templates and audit records; per composition is their total over the compositions stored, so it is high while the database is nearly empty.\n\n");
        }
    }

    private static void Saturation(StringBuilder sb, LoadPhase? phase, IReadOnlyList<BenchFigures.Written> figures, string images)
    {
        var report = phase?.Report;
        if (report is null)
        {
            return;
        }
        var server = BenchSeries.Server(report, "commit").Where(r => r.TargetRate is not null).ToList();
        if (server.Count == 0)
        {
            return;
        }
        var cores = report.Machine.ProcessorCount;
        sb.Append("### Past saturation\n\n");
        sb.Append("Open loop: commit *i* is due at *i / rate* whatever the answers, as independent users send; latency counts from when a request was due, so waiting in a queue shows. ");
        sb.Append(C, $"At most {server[0].MaxInFlight:N0} requests are outstanding; one due beyond that is counted as dropped and not sent. ");
        sb.Append(C, $"The server runs with its default admission control: at most {Math.Max(8, 4 * cores)} requests at once (4 per core, at least 8), at most 256 waiting, and beyond that a 503 with `Retry-After: 1` at once. ");
        sb.Append("503s are counted apart from errors: they are the server refusing work it cannot take, by design. Latency percentiles are over accepted (2xx) requests. ");
        sb.Append(C, $"The baseline is the same open loop on `{BenchSeries.Operation(report, "commit", "baseline") ?? "none"}`, which has no admission control (its Npgsql pool queues). ");
        sb.Append(C, $"Each rate for {report.DurationPerLevelSeconds:0.#} s. The same run alone: `{phase!.Command}`.\n\n");
        Image(sb, figures, images, "saturation.png");
        sb.Append("| offered req/s (issued) | server 2xx/s | server 503/s | server p50 / p95 / p99 ms (accepted) | server errors | dropped | baseline ok/s | baseline p50 / p95 / p99 ms | baseline errors, dropped |\n");
        sb.Append("|---:|---:|---:|---:|---|---:|---:|---:|---|\n");
        foreach (var s in server)
        {
            var b = BenchSeries.BaselineOf(report, s);
            sb.Append(C, $"| {s.TargetRate:0.#} ({s.Issued:N0}) | {s.Throughput:N1} | {s.ShedPerSecond:N1} | {Percentiles(s, p99: true)} | {ErrorList(s)} | {Count(s.Dropped)} | ");
            sb.Append(C, $"{(b is null ? "" : b.Throughput.ToString("N1", C))} | {(b is null ? "" : Percentiles(b, p99: true))} | {(b is null ? "" : $"{ErrorList(b)}, {Count(b.Dropped)}")} |\n");
        }
        sb.Append('\n');
    }

    private static void Queries(StringBuilder sb, LoadPhase? phase)
    {
        var report = phase?.Report;
        if (report is null)
        {
            return;
        }
        var server = report.Results.Where(r => r.Target == "server" && r.Scenario.StartsWith("aql", StringComparison.Ordinal)).ToList();
        if (server.Count == 0 && report.Notes.Count == 0)
        {
            return;
        }
        var stored = report.DatabaseSizes.Count > 0 ? report.DatabaseSizes[^1].ServerCompositions : (long?)null;
        sb.Append("### Queries\n\n");
        sb.Append("AQL over `POST /openehr/v1/query/aql`");
        if (stored is not null)
        {
            sb.Append(C, $" on a database the harness filled to {stored:N0} vital-signs compositions (through the commit scenario, as for the database sizes)");
        }
        sb.Append(", each query beside the same question asked by hand-written SQL of the CDR's own tables (`leaf_value`, `latest_version`, `object_version`) with raw Npgsql on the same PostgreSQL. ");
        sb.Append(C, $"aql-ehr and aql-top run closed-loop levels, baseline first, each at most {report.RequestsPerLevel:N0} requests or {report.DurationPerLevelSeconds:0.#} s; ");
        sb.Append("aql-population runs a few rounds at one client, the query and its baseline taking turns. Every answer is compared with the first answer to the same question from either side; a difference is counted as `answer-mismatch` and named below. ");
        sb.Append(C, $"The same run alone: `{phase!.Command}`.\n\n");
        sb.Append("| query | clients | AQL p50 / p95 / p99 ms | baseline p50 / p95 / p99 ms | p50 ÷ baseline | AQL ok/s | baseline ok/s | errors |\n");
        sb.Append("|---|---:|---:|---:|---:|---:|---:|---|\n");
        foreach (var s in server)
        {
            var b = BenchSeries.BaselineOf(report, s);
            sb.Append(C, $"| {s.Scenario} | {s.Clients} | {Percentiles(s, p99: true)} | {(b is null ? "" : Percentiles(b, p99: true))} | {Ratio(s.Latency.P50Ms, b?.Latency.P50Ms)} | ");
            sb.Append(C, $"{s.Throughput:N1} | {(b is null ? "" : b.Throughput.ToString("N1", C))} | {Errors(s, b)} |\n");
        }
        sb.Append('\n');
        foreach (var scenario in server.Select(s => s.Scenario).Distinct())
        {
            sb.Append(C, $"- **{scenario}**: `{BenchSeries.Operation(report, scenario, "server")}`; baseline: {BenchSeries.Operation(report, scenario, "baseline") ?? "none"}.\n");
        }
        foreach (var note in report.Notes)
        {
            sb.Append("- ").Append(note).Append('\n');
        }
        sb.Append('\n');
    }

    private static void Micro(StringBuilder sb, MicroRun? micro)
    {
        if (micro is null || micro.Results.Count == 0)
        {
            return;
        }
        sb.Append("### Micro-benchmarks (BenchmarkDotNet)\n\n");
        var job = micro.Job switch
        {
            "quick" => "in process, 2 warm-up and 5 measured iterations of about 100 ms each, with tiered compilation and ReadyToRun off so that every method is measured fully optimised (tiered, such short runs measured unoptimised code); without dynamic PGO, and on a busy machine, times are rough and above the sections' below: read the ratios and allocations",
            "short" => "BenchmarkDotNet's short job (3 warm-up and 3 measured iterations, a process per benchmark)",
            _ => "BenchmarkDotNet's default job",
        };
        sb.Append(C, $"`{micro.Command}`: {job}; {micro.Seconds:0} s, load average {Load(micro.LoadAverageAtStart)} before and {Load(micro.LoadAverageAtEnd)} after. ");
        sb.Append("Each suite's baseline is marked; its sections below say what each benchmark does. Allocations are exact even when times are noisy.\n\n");
        sb.Append("| suite | benchmark | median | median ÷ baseline | allocated | baseline (median, allocated) |\n");
        sb.Append("|---|---|---:|---:|---:|---|\n");
        foreach (var suite in micro.Results.GroupBy(r => r.Type))
        {
            var baseline = suite.FirstOrDefault(r => r.Baseline);
            var title = MicroBenchmarks.Suites.FirstOrDefault(s => s.Type == suite.Key).Title ?? suite.Key;
            foreach (var r in suite)
            {
                var against = baseline is null ? "none in the suite"
                    : r.Baseline ? "(this is the baseline)"
                    : $"{baseline.Method}: {Time(baseline.MedianNs)}, {Allocated(baseline.AllocatedBytes)}";
                sb.Append(C, $"| {title} (`{suite.Key}`) | {r.Method}{(r.Baseline ? " (baseline)" : "")} | {Time(r.MedianNs)} | ");
                sb.Append(C, $"{(baseline is null ? "" : Ratio(r.MedianNs ?? 0, baseline.MedianNs))} | {Allocated(r.AllocatedBytes)} | {against} |\n");
            }
        }
        sb.Append('\n');
    }

    private static void Image(StringBuilder sb, IReadOnlyList<BenchFigures.Written> figures, string images, string name)
    {
        var figure = figures.FirstOrDefault(f => f.Name == name);
        if (figure is not null)
        {
            sb.Append(C, $"![{figure.Caption}]({images}/{figure.Name})\n\n");
        }
    }

    private static string Percentiles(LevelResult r, bool p99) =>
        r.Succeeded == 0 ? "–" : p99
            ? $"{Ms(r.Latency.P50Ms)} / {Ms(r.Latency.P95Ms)} / {Ms(r.Latency.P99Ms)}"
            : $"{Ms(r.Latency.P50Ms)} / {Ms(r.Latency.P95Ms)}";

    /// <summary>The server's errors (not 503s, not dropped), and the baseline's after a semicolon when it had any.</summary>
    private static string Errors(LevelResult server, LevelResult? baseline)
    {
        var text = ErrorList(server);
        return baseline is not null && baseline.Errors > 0 ? $"{text}; baseline: {ErrorList(baseline)}" : text;
    }

    private static string ErrorList(LevelResult r)
    {
        var errors = r.Outcomes
            .Where(o => !(int.TryParse(o.Key, out var code) && code is (>= 200 and < 300) or 503) && o.Key != "dropped")
            .Select(o => string.Create(C, $"{o.Key}: {o.Value:N0}"))
            .ToList();
        return errors.Count == 0 ? "0" : string.Join(", ", errors);
    }

    private static string Count(long n) => n.ToString("N0", C);

    public static string Ms(double ms) => ms.ToString(ms < 10 ? "0.00" : ms < 100 ? "0.0" : "0", C);

    private static string Ratio(double value, double? baseline) =>
        baseline is > 0 ? (value / baseline.Value).ToString(value / baseline.Value < 10 ? "0.00" : "0.0", C) + "×" : "";

    public static string Time(double? ns) => ns switch
    {
        null => "–",
        < 1_000 => ns.Value.ToString("0.0", C) + " ns",
        < 1_000_000 => (ns.Value / 1_000).ToString(ns.Value < 10_000 ? "0.00" : "0.0", C) + " µs",
        _ => (ns.Value / 1_000_000).ToString(ns.Value < 10_000_000 ? "0.00" : "0.0", C) + " ms",
    };

    private static string Allocated(long? bytes) => bytes is null ? "–" : bytes.Value.ToString("N0", C) + " B";

    private static string Bytes(long? bytes) => bytes switch
    {
        null => "–",
        < 10L << 20 => (bytes.Value / 1024.0).ToString("N0", C) + " KiB",
        _ => (bytes.Value / 1024.0 / 1024.0).ToString("N1", C) + " MiB",
    };

    private static string PerItem(long? bytes, long items) => bytes is null || items == 0 ? "–" : ((double)bytes.Value / items).ToString("N0", C) + " B";

    private static string Load(double[]? load) => load is null ? "?" : string.Join(" / ", load.Select(l => l.ToString("0.00", C)));
}
