using System.Globalization;
using System.Runtime.InteropServices;
using Fkj.Cdr.Load.Compositions;
using Fkj.Cdr.Load.Database;
using Fkj.Cdr.Load.Hosting;
using Fkj.Cdr.Load.Measurement;
using Fkj.Cdr.Load.OpenEhr;
using Fkj.Cdr.Load.Options;
using Fkj.Cdr.Load.Reporting;
using Fkj.Cdr.Load.Running;
using Fkj.Cdr.Load.Scenarios;
using Fkj.Cdr.Storage.Embedded;
using Npgsql;

namespace Fkj.Cdr.Load;

/// <summary>
/// One run: start (or find) the server and its PostgreSQL, then for each scenario prepare, warm up, and run
/// every level for the baseline and the server in turn (so both see the same background noise), measure
/// storage around the writing scenarios, write the JSON and markdown results, and stop what was started.
/// Every level is bounded in requests and time, and the whole run by --time-limit.
/// </summary>
public static partial class LoadHarness
{
    /// <summary>The command line; returns 0 when every scenario ran, 1 when one was skipped or the run was cut short, 2 for bad options.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter progress)
    {
        LoadOptions? options;
        try
        {
            options = OptionParser.Parse(args);
            if (options is not null && !Crash.CrashCommand.Wanted(options))
            {
                CheckScenarios(options);
            }
        }
        catch (OptionException e)
        {
            await progress.WriteLineAsync($"{e.Message}\n\n{OptionParser.Usage}");
            return 2;
        }
        if (options is null)
        {
            await stdout.WriteLineAsync(OptionParser.Usage);
            return 0;
        }

        using var stop = new CancellationTokenSource(options.TimeLimit);
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true;
            progress.WriteLine($"{context.Signal}: stopping after the requests in flight");
            stop.Cancel();
        }
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);

        if (Crash.CrashCommand.Wanted(options))
        {
            return await Crash.CrashCommand.RunAsync(options, "benchmarks/load " + string.Join(' ', args.Select(Quote)), stdout, progress, stop.Token);
        }
        try
        {
            var report = await RunAsync(options, "benchmarks/load " + string.Join(' ', args.Select(Quote)), progress, stop.Token);
            var (json, markdown) = ReportFiles.Write(report, options.OutputDirectory);
            await stdout.WriteLineAsync(MarkdownReport.Render(report));
            await progress.WriteLineAsync($"results: {json}\n         {markdown}");
            return report.Notes.Any(n => n.StartsWith(SkippedPrefix, StringComparison.Ordinal) || n.StartsWith(StoppedPrefix, StringComparison.Ordinal)) ? 1 : 0;
        }
        catch (Exception e) when (e is LoadSetupException or EmbeddedPostgresException or NpgsqlException)
        {
            await progress.WriteLineAsync($"load: {e.Message}");
            return 1;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            await progress.WriteLineAsync("load: stopped before any scenario ran (time limit or signal).");
            return 1;
        }
    }

    private const string SkippedPrefix = "skipped";
    private const string StoppedPrefix = "stopped";

    /// <summary>Runs the scenarios of <paramref name="options"/> and returns what they measured.</summary>
    public static async Task<LoadReport> RunAsync(LoadOptions options, string commandLine, TextWriter progress, CancellationToken cancellationToken)
    {
        CheckScenarios(options);
        var report = new LoadReport
        {
            StartedAt = DateTimeOffset.UtcNow,
            Machine = MachineInfo.Capture(),
            CommandLine = commandLine,
            Mode = options.Mode == LoadMode.Closed ? "closed" : "open",
            RequestsPerLevel = options.Requests,
            DurationPerLevelSeconds = options.Duration.TotalSeconds,
            Warmup = options.Warmup,
        };

        var compositionPath = Path.GetFullPath(options.Composition ?? VitalSignsVariants.DefaultSourcePath);
        var bodies = VitalSignsVariants.Generate(await File.ReadAllBytesAsync(compositionPath, cancellationToken), options.Variants, options.Seed);
        report.Composition = Path.GetFileName(compositionPath);
        report.Variants = bodies.Count;
        report.CompositionBytes = (int)Math.Round(bodies.Average(b => b.Utf8.Length));

        await using var bed = await TestBed.StartAsync(options, progress, cancellationToken);
        report.Server = bed.ServerDescription;
        report.Database = bed.DatabaseDescription;
        report.ServerLog = bed.ServerLog;

        var levels = options.Levels();
        var concurrency = Math.Max(4, levels.Max(l => l.Concurrency));
        using var http = LoadHttpClient.Create(bed.ServerUrl, concurrency, options.RequestTimeout);
        await using var dataSource = bed.ConnectionString is null ? null : OpenDataSource(bed.ConnectionString, concurrency);
        var probe = dataSource is null ? null : new StorageProbe(dataSource);
        var table = options.Baseline && dataSource is not null ? new BaselineTable(dataSource) : null;
        if (probe is not null)
        {
            report.PostgresVersion = await probe.ServerVersionAsync(cancellationToken);
        }
        if (table is null)
        {
            report.Notes.Add(options.Baseline
                ? "No baselines and no storage figures: the harness has no connection string to the server's PostgreSQL (give --connection-string with --url)."
                : "Baselines left out (--no-baseline).");
        }

        var context = new ScenarioContext(options, new OpenEhrClient(http, options.Tenant), table, bodies, progress, dataSource);
        // Only scenarios whose baseline uses baseline_doc create it: the AQL scenarios leave a database they measure as it was.
        var ownedTable = UsesBaselineTable(options) ? table : null;
        try
        {
            if (ownedTable is not null)
            {
                await ownedTable.ResetAsync(cancellationToken);
            }
            if (options.DatabaseSizes is { } sizes)
            {
                await RunBySizeAsync(sizes, context, levels, probe, report, cancellationToken);
            }
            foreach (var name in options.DatabaseSizes is null ? options.Scenarios : [])
            {
                var definition = ScenarioCatalog.Find(name)!;
                try
                {
                    await RunScenarioAsync(definition, context, levels, probe, report, cancellationToken);
                }
                catch (LoadSetupException e)
                {
                    report.Notes.Add($"{SkippedPrefix} {definition.Name}: {e.Message}");
                    await progress.WriteLineAsync($"{definition.Name}: skipped: {e.Message}");
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    report.Notes.Add($"{StoppedPrefix} during {definition.Name}: the time limit ({options.TimeLimit}) or a signal ended the run; later levels and scenarios did not run.");
                    break;
                }
                catch (HttpRequestException e)
                {
                    report.Notes.Add($"{SkippedPrefix} {definition.Name}: the server did not answer while preparing ({e.Message}).");
                }
            }
        }
        finally
        {
            if (options.Scenarios.Any(IsAql))
            {
                report.Notes.AddRange(context.Aql.Notes());
            }
            if (ownedTable is not null && !options.KeepData)
            {
                try
                {
                    await ownedTable.DropAsync(CancellationToken.None);
                }
                catch (NpgsqlException e)
                {
                    await progress.WriteLineAsync($"could not drop {BaselineTable.Name}: {e.Message}");
                }
            }
        }

        report.FinishedAt = DateTimeOffset.UtcNow;
        report.Machine = report.Machine with { LoadAverageAtEnd = MachineInfo.LoadAverage() };
        return report;
    }

    private static async Task RunScenarioAsync(
        ScenarioDefinition definition,
        ScenarioContext context,
        IReadOnlyList<LoadLevel> levels,
        StorageProbe? probe,
        LoadReport report,
        CancellationToken cancellationToken)
    {
        var options = context.Options;
        var server = definition.Server(context);
        var baseline = context.Baseline is { } table ? definition.Baseline?.Invoke(context, table) : null;
        // Baseline first at every level, then the server: both see about the same background load.
        var targets = baseline is null ? new[] { server } : [baseline, server];

        context.Log.WriteLine($"{definition.Name}: preparing");
        var ready = new List<ILoadScenario>();
        var warmupClients = definition.Alternating ? 1 : options.Mode == LoadMode.Closed ? levels.Max(l => l.Clients) : Math.Min(options.MaxInFlight, 8);
        foreach (var target in targets)
        {
            // A target that cannot be prepared is skipped alone: the baseline still runs when the server's endpoint is missing.
            try
            {
                await PrepareAndWarmUpAsync(target, warmupClients, Warmup(definition, options), options, cancellationToken);
                ready.Add(target);
            }
            catch (Exception e) when (e is LoadSetupException or HttpRequestException)
            {
                report.Notes.Add($"{SkippedPrefix} {target.Name} ({target.Target}): {e.Message}");
                context.Log.WriteLine($"{target.Name} ({target.Target}): skipped: {e.Message}");
            }
        }
        targets = ready.ToArray();
        if (targets.Length == 0)
        {
            return;
        }

        if (definition.Alternating)
        {
            foreach (var result in await RunAlternatingAsync(targets, options, cancellationToken))
            {
                report.Results.Add(result);
                context.Log.WriteLine(ProgressLine(result));
            }
            return;
        }

        var before = probe is null ? null : await probe.TableSizesAsync(cancellationToken);
        var written = targets.ToDictionary(t => t, _ => 0L);
        foreach (var level in levels)
        {
            foreach (var target in targets)
            {
                var limits = new RunLimits(options.Requests, options.Duration);
                var run = level.Mode == LoadMode.Closed
                    ? await ClosedLoopRunner.RunAsync(target.ExecuteAsync, level.Clients, limits, cancellationToken)
                    : await OpenLoopRunner.RunAsync(target.ExecuteAsync, level.Rate, level.MaxInFlight, limits, cancellationToken);
                var result = ToResult(target, level, run);
                report.Results.Add(result);
                written[target] += result.Succeeded;
                context.Log.WriteLine(ProgressLine(result));
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        if (probe is not null && before is not null)
        {
            var after = await probe.TableSizesAsync(cancellationToken);
            foreach (var target in targets.Where(t => t.Storage != StorageScope.None))
            {
                report.Storage.Add(Storage(target, written[target], before, after));
            }
        }
    }

    /// <summary>
    /// An alternating scenario's measurement: --query-runs rounds at one client, the baseline and the server taking
    /// turns (or the one target alone), whatever the levels; reported as the 1-client level.
    /// </summary>
    private static async Task<IReadOnlyList<LevelResult>> RunAlternatingAsync(IReadOnlyList<ILoadScenario> targets, LoadOptions options, CancellationToken cancellationToken)
    {
        var level = LoadLevel.ClosedLoop(1);
        var limits = new RunLimits(options.QueryRuns, options.Duration);
        if (targets.Count == 2)
        {
            var (first, second) = await AlternatingRunner.RunAsync(targets[0].ExecuteAsync, targets[1].ExecuteAsync, limits, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            return [ToResult(targets[0], level, first), ToResult(targets[1], level, second)];
        }
        var run = await ClosedLoopRunner.RunAsync(targets[0].ExecuteAsync, 1, limits, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        return [ToResult(targets[0], level, run)];
    }

    /// <summary>Warm-up requests per target: --warmup, but at most one of an alternating scenario's slow queries.</summary>
    private static int Warmup(ScenarioDefinition definition, LoadOptions options) =>
        definition.Alternating ? Math.Min(1, options.Warmup) : options.Warmup;

    private static bool IsAql(string scenario) => scenario.StartsWith("aql", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether any scenario of the run (or the database-size fill) needs the baseline table.</summary>
    private static bool UsesBaselineTable(LoadOptions options) =>
        options.Scenarios.Any(n => ScenarioCatalog.Find(n)?.UsesBaselineTable ?? false);

    private static async Task PrepareAndWarmUpAsync(ILoadScenario target, int clients, int warmup, LoadOptions options, CancellationToken cancellationToken)
    {
        await target.PrepareAsync(cancellationToken);
        if (warmup == 0)
        {
            return;
        }
        var warm = await ClosedLoopRunner.RunAsync(target.ExecuteAsync, clients, new RunLimits(warmup, options.Duration), cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var summary = warm.Log.Summarise();
        // A wrong answer is still an answer: the scenario runs, and its mismatches show in the report.
        if (summary.Succeeded == 0 && !summary.Outcomes.ContainsKey(RequestOutcome.Name(RequestOutcome.Mismatch)))
        {
            throw new LoadSetupException($"every warm-up request failed ({Describe(summary.Outcomes)}): {target.Operation}");
        }
    }

    private static LevelResult ToResult(ILoadScenario scenario, LoadLevel level, LevelRun run)
    {
        var summary = run.Log.Summarise();
        return new LevelResult(
            scenario.Name,
            scenario.Target,
            scenario.Operation,
            level.Mode == LoadMode.Closed ? "closed" : "open",
            level.Mode == LoadMode.Closed ? level.Clients : null,
            level.Mode == LoadMode.Open ? level.Rate : null,
            level.Mode == LoadMode.Open ? level.MaxInFlight : null,
            run.Issued,
            summary.Succeeded,
            summary.Recorded - summary.Succeeded,
            summary.Outcomes,
            summary.RetryAfter,
            Math.Round(run.ElapsedSeconds, 3),
            run.ElapsedSeconds > 0 ? Math.Round(summary.Succeeded / run.ElapsedSeconds, 1) : 0,
            summary.Success,
            summary.All);
    }

    private static StorageResult Storage(ILoadScenario scenario, long items, IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after)
    {
        bool InScope(string table) => scenario.Storage == StorageScope.BaselineTable ? StorageProbe.IsBaseline(table) : !StorageProbe.IsBaseline(table);
        var growth = new SortedDictionary<string, long>(StringComparer.Ordinal);
        long bytesBefore = 0, bytesAfter = 0;
        foreach (var table in before.Keys.Union(after.Keys).Where(InScope))
        {
            var b = before.GetValueOrDefault(table);
            var a = after.GetValueOrDefault(table);
            bytesBefore += b;
            bytesAfter += a;
            if (a != b)
            {
                growth[table] = a - b;
            }
        }
        return new StorageResult(scenario.Name, scenario.Target, items, bytesBefore, bytesAfter,
            items > 0 ? Math.Round((double)(bytesAfter - bytesBefore) / items, 1) : 0, growth);
    }

    private static NpgsqlDataSource OpenDataSource(string connectionString, int concurrency)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            ApplicationName = "fkj-load-baseline",
            // Enough sessions for every client of a level (and the server keeps its own pool).
            MaxPoolSize = Math.Clamp(concurrency + 2, 10, 64),
            Timeout = 30,
        };
        return NpgsqlDataSource.Create(builder.ConnectionString);
    }

    private static void CheckScenarios(LoadOptions options)
    {
        foreach (var name in options.Scenarios)
        {
            if (ScenarioCatalog.Planned.TryGetValue(name, out var why))
            {
                throw new OptionException($"--scenario {name}: not available yet: {why}.");
            }
            if (ScenarioCatalog.Find(name) is null)
            {
                throw new OptionException($"--scenario: unknown scenario '{name}' (known: {string.Join(", ", ScenarioCatalog.All.Select(s => s.Name))}).");
            }
        }
    }

    private static string ProgressLine(LevelResult r)
    {
        var line = string.Create(CultureInfo.InvariantCulture,
            $"  {r.Scenario,-12} {r.Target,-9} {r.Level,-12} {r.Succeeded,7} ok {r.Shed,6} shed {r.Failed - r.Shed,6} failed {r.Throughput,9:0.0} ok/s   p50 {r.Latency.P50Ms,8:0.000} ms  p95 {r.Latency.P95Ms,8:0.000}  p99 {r.Latency.P99Ms,8:0.000}  max {r.Latency.MaxMs,8:0.0}");
        return r.Failed > 0 ? $"{line}   [{Describe(r.Outcomes)}]" : line;
    }

    private static string Describe(IReadOnlyDictionary<string, long> outcomes) =>
        string.Join(", ", outcomes.Select(o => string.Create(CultureInfo.InvariantCulture, $"{o.Key}: {o.Value}")));

    private static string Quote(string arg) => arg.Any(char.IsWhiteSpace) || arg.Contains('\'') ? "'" + arg.Replace("'", "'\\''") + "'" : arg;
}
