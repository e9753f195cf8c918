using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Fkj.Cdr.Load.Hosting;
using Fkj.Cdr.Load.Options;
using Fkj.Cdr.Load.Reporting;
using Fkj.Cdr.Storage.Embedded;
using Npgsql;

namespace Fkj.Cdr.Load.Bench;

/// <summary>
/// <c>./fkj bench</c>: the BenchmarkDotNet suites first (while the machine has no load of ours), then three load-harness
/// runs, each on its own fresh server and PostgreSQL: commit and read against concurrency, against database size,
/// commit in an open loop past saturation, and the AQL queries beside hand-written SQL on a filled database. Writes <c>bench.json</c> and the load runs' files into a directory of
/// its own, then the figures and the generated section of docs/benchmarks.md. A part that fails is noted and the
/// rest still runs.
/// </summary>
public static class BenchCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter progress)
    {
        BenchOptions? options;
        try
        {
            options = BenchOptionParser.Parse(args);
        }
        catch (OptionException e)
        {
            await progress.WriteLineAsync($"{e.Message}\n\n{BenchOptionParser.Usage}");
            return 2;
        }
        if (options is null)
        {
            await stdout.WriteLineAsync(BenchOptionParser.Usage);
            return 0;
        }

        BenchRun run;
        if (options.From is not null)
        {
            run = JsonSerializer.Deserialize<BenchRun>(await File.ReadAllTextAsync(options.From), ReadOptions)
                ?? throw new InvalidDataException($"{options.From} holds no bench run.");
        }
        else
        {
            using var stop = new CancellationTokenSource();
            void OnSignal(PosixSignalContext context)
            {
                context.Cancel = true;
                progress.WriteLine($"{context.Signal}: stopping after the requests in flight; the parts measured so far are written");
                stop.Cancel();
            }
            using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
            run = await MeasureAsync(options, progress, stop.Token);
        }

        var figures = BenchFigures.Write(run, options.Images);
        var docs = Path.GetFullPath(options.Docs);
        var images = Path.GetRelativePath(Path.GetDirectoryName(docs)!, Path.GetFullPath(options.Images)).Replace('\\', '/');
        var section = BenchMarkdown.Render(run, figures, images);
        var existing = File.Exists(docs) ? await File.ReadAllTextAsync(docs) : "# Benchmarks\n";
        await File.WriteAllTextAsync(docs, DocsSection.Splice(existing, section));
        await progress.WriteLineAsync($"bench: wrote {options.Docs} and {figures.Count} figures in {options.Images}");
        return run.Notes.Count == 0 ? 0 : 1;
    }

    /// <summary>For bench.json: as the load reports are written, and able to read their get-only lists back.</summary>
    public static JsonSerializerOptions ReadOptions { get; } = new(ReportFiles.JsonOptions)
    {
        PreferredObjectCreationHandling = JsonObjectCreationHandling.Populate,
    };

    private static async Task<BenchRun> MeasureAsync(BenchOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        var scale = options.Effective;
        var started = DateTimeOffset.UtcNow;
        var directory = Path.GetFullPath(Path.Combine(options.Output, started.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)));
        Directory.CreateDirectory(directory);
        var root = RepositoryPaths.Root();
        var run = new BenchRun
        {
            CommandLine = options.CommandLine,
            Scale = scale.Name,
            StartedAt = started,
            Machine = MachineInfo.Capture(),
            OsName = OsName(),
            Commit = Git(root, "rev-parse", "--short", "HEAD"),
            UncommittedChanges = Git(root, "status", "--porcelain", "--untracked-files=no") is { } status ? status.Length > 0 : null,
            ResultsDirectory = Path.GetRelativePath(root, directory),
        };
        progress.WriteLine($"bench: scale {scale.Name}, results in {directory}; load average {string.Join(" / ", run.Machine.LoadAverageAtStart ?? [])}");

        if (options.RunMicro && !cancellationToken.IsCancellationRequested)
        {
            try
            {
                run.Micro = await MicroBenchmarks.RunAsync(scale.Micro, options.MicroDll, directory, progress, cancellationToken);
            }
            catch (LoadSetupException e)
            {
                run.Notes.Add($"BenchmarkDotNet: {e.Message}");
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                run.Notes.Add("BenchmarkDotNet: stopped by a signal.");
            }
        }

        var clients = string.Join(',', scale.Clients);
        if (options.RunConcurrency)
        {
            run.Concurrency = await PhaseAsync("concurrency", run, directory, scale, progress, cancellationToken,
                "--scenario", "commit,read", "--clients", clients, "--requests", Text(scale.Requests), "--duration", Text(scale.Duration),
                "--warmup", "30");
        }
        if (options.RunSizes)
        {
            run.Sizes = await PhaseAsync("database size", run, directory, scale, progress, cancellationToken,
                "--scenario", "commit,read", "--clients", Text(scale.SizeClients), "--db-sizes", string.Join(',', scale.DatabaseSizes),
                "--requests", Text(scale.SizeRequests), "--duration", Text(scale.Duration), "--warmup", "20");
        }
        if (options.RunSaturation)
        {
            var rates = string.Join(',', scale.Rates.Select(r => r.ToString("0.##", CultureInfo.InvariantCulture)));
            var requests = (int)Math.Min(OptionParser.MaxRequests, Math.Ceiling(scale.Rates.Max() * scale.OpenDuration.TotalSeconds) + 1);
            run.Saturation = await PhaseAsync("saturation", run, directory, scale, progress, cancellationToken,
                "--scenario", "commit", "--mode", "open", "--rates", rates, "--duration", Text(scale.OpenDuration), "--requests", Text(requests),
                "--max-in-flight", Text(scale.MaxInFlight), "--warmup", "30");
        }

        if (options.RunQueries)
        {
            // On a database filled as the sizes phase fills it, to its largest size. The bodies' systolic pressures are
            // 101 to 110 mm[Hg], so the population query asks for above 105 rather than 140, which none has.
            var size = Math.Max(1_000, scale.DatabaseSizes.Max());
            run.Queries = await PhaseAsync("queries", run, directory, scale, progress, cancellationToken,
                "--scenario", "aql-ehr,aql-top,aql-population", "--db-sizes", Text(size), "--clients", "1,4",
                "--requests", Text(scale.SizeRequests), "--duration", Text(scale.Duration), "--warmup", "10",
                "--query-runs", Text(QueryRuns), "--systolic-above", Text(BenchSystolicAbove));
        }

        run.FinishedAt = DateTimeOffset.UtcNow;
        run.Machine = run.Machine with { LoadAverageAtEnd = MachineInfo.LoadAverage() };
        var json = Path.Combine(directory, "bench.json");
        await File.WriteAllTextAsync(json, JsonSerializer.Serialize(run, ReportFiles.JsonOptions) + "\n", CancellationToken.None);
        progress.WriteLine($"bench: {json}");
        return run;
    }

    /// <summary>One load-harness run with these arguments, on a server and PostgreSQL of its own, within the scale's time limit.</summary>
    private static async Task<LoadPhase?> PhaseAsync(string name, BenchRun run, string directory, BenchScale scale, TextWriter progress,
        CancellationToken cancellationToken, params string[] args)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        var command = "benchmarks/load " + string.Join(' ', args);
        var options = OptionParser.Parse(args)!;
        options.OutputDirectory = directory;
        options.TimeLimit = scale.PhaseTimeLimit;
        progress.WriteLine($"bench: {name}: {command}");
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(scale.PhaseTimeLimit);
        var clock = Stopwatch.StartNew();
        try
        {
            var report = await LoadHarness.RunAsync(options, command, progress, limit.Token);
            ReportFiles.Write(report, directory);
            foreach (var note in report.Notes.Where(n => n.StartsWith("skipped", StringComparison.Ordinal) || n.StartsWith("stopped", StringComparison.Ordinal)
                || n.StartsWith("answer mismatch", StringComparison.Ordinal)))
            {
                run.Notes.Add($"{name}: {note}");
            }
            progress.WriteLine($"bench: {name} took {clock.Elapsed.TotalMinutes:0.0} minutes");
            return new LoadPhase { Command = command, Report = report };
        }
        catch (Exception e) when (e is LoadSetupException or EmbeddedPostgresException or NpgsqlException or OperationCanceledException)
        {
            run.Notes.Add($"{name}: did not run to the end: {e.Message}");
            progress.WriteLine($"bench: {name}: {e.Message}");
            return new LoadPhase { Command = command };
        }
    }

    /// <summary>Rounds of the population query and its baseline in the queries phase.</summary>
    public const int QueryRuns = 6;

    /// <summary>The population query's bound in the queries phase: the middle of the bodies' systolic values.</summary>
    public const int BenchSystolicAbove = 105;

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Text(TimeSpan t) => t.TotalSeconds >= 1 && t.TotalSeconds % 1 == 0
        ? t.TotalSeconds.ToString(CultureInfo.InvariantCulture) + "s"
        : t.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + "ms";

    private static string? OsName()
    {
        try
        {
            var line = File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal));
            return line?["PRETTY_NAME=".Length..].Trim('"');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string? Git(string root, params string[] args)
    {
        try
        {
            var startInfo = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = root };
            foreach (var a in args)
            {
                startInfo.ArgumentList.Add(a);
            }
            using var git = Process.Start(startInfo)!;
            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? output : null;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return null;
        }
    }
}
