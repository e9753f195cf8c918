using System.Diagnostics;
using System.Globalization;
using Fkj.Cdr.Load.Compositions;
using Fkj.Cdr.Load.Hosting;
using Fkj.Cdr.Load.OpenEhr;
using Fkj.Cdr.Load.Options;
using Fkj.Cdr.Load.Reporting;

namespace Fkj.Cdr.Load.Crash;

/// <summary>
/// The crash scenario: the server runs as deployed, on its own embedded PostgreSQL in a data directory, and
/// clients commit to it until the server is killed with SIGKILL mid-way (and, in some rounds, its PostgreSQL
/// with it), then the server is started again on the same data directory, which must stop or recover that
/// PostgreSQL by itself. After each restart every commit of the run so far is checked (<see cref="CrashVerifier"/>).
/// Nothing here asserts timing: the figures are counts.
/// </summary>
public static class CrashRun
{
    private static readonly TimeSpan OrphanStopLimit = TimeSpan.FromSeconds(60);

    public static async Task<CrashReport> RunAsync(LoadOptions options, string commandLine, TextWriter progress, CancellationToken cancellationToken)
    {
        var clients = options.Clients.Max();
        var report = new CrashReport
        {
            StartedAt = DateTimeOffset.UtcNow,
            Machine = MachineInfo.Capture(),
            CommandLine = commandLine,
            Clients = clients,
            Ehrs = options.Ehrs,
            Seed = options.Seed,
            Kills = options.Kills,
            KillAfter = options.KillAfter,
        };

        var compositionPath = Path.GetFullPath(options.Composition ?? VitalSignsVariants.DefaultSourcePath);
        var variants = VitalSignsVariants.Generate(await File.ReadAllBytesAsync(compositionPath, cancellationToken).ConfigureAwait(false), options.Variants, options.Seed);
        var bodies = new MarkedBodies(variants);
        report.Variants = variants.Count;
        report.CompositionBytes = (int)Math.Round(variants.Average(b => b.Utf8.Length));

        var serverDll = Path.GetFullPath(options.ServerDll ?? RepositoryPaths.DefaultServerDll);
        report.Server = Path.GetFileName(serverDll) + " started by the harness as a child process";
        string? tempDirectory = null;
        string dataPath;
        if (options.DataDir is not null)
        {
            dataPath = Path.GetFullPath(options.DataDir);
        }
        else
        {
            tempDirectory = Path.Combine(Path.GetTempPath(), $"fkj-crash-{Guid.NewGuid():N}"[..22]);
            Directory.CreateDirectory(tempDirectory);
            // Traversable by the postgres user, who runs PostgreSQL when we are root.
            File.SetUnixFileMode(tempDirectory, (UnixFileMode)0b111_101_101);
            dataPath = Path.Combine(tempDirectory, "cdr");
        }
        var data = new ServerDataDirectory(dataPath);
        report.DataDirectory = data.Path;
        var logStem = Path.Combine(Path.GetFullPath(options.OutputDirectory), $"crash-{report.StartedAt.UtcDateTime:yyyyMMdd-HHmmss}-server");

        var ledger = new CommitLedger();
        var random = new Random(options.Seed);
        ServerProcess? server = null;
        CommitLoad? load = null;
        try
        {
            server = await StartAsync(serverDll, data, logStem, report, progress, cancellationToken).ConfigureAwait(false);
            var ehrs = await CreateEhrsAsync(server.Url, options, cancellationToken).ConfigureAwait(false);
            var ehrIds = ehrs.Select(Guid.Parse).ToArray();
            progress.WriteLine($"crash: {ehrs.Count} EHRs created; {options.Kills} rounds of {clients} clients");

            for (var round = 1; round <= options.Kills; round++)
            {
                var killAt = random.Next(Math.Max(1, options.KillAfter / 2), options.KillAfter + (options.KillAfter / 2) + 1);
                var killPostgres = options.KillPostgres == PostgresKill.Always || (options.KillPostgres == PostgresKill.Alternate && round % 2 == 0);
                var result = new CrashRound { Round = round, KillAt = killAt, PostgresKilled = killPostgres };
                report.Rounds.Add(result);

                // The load, up to the kill.
                var clock = Stopwatch.StartNew();
                using (var http = LoadHttpClient.Create(server.Url, clients, options.RequestTimeout))
                {
                    load = new CommitLoad(new CrashClient(http, options.Tenant), bodies, ehrs, ledger, round, clients, options.Seed, killAt);
                    var running = load.RunAsync(cancellationToken);
                    await Task.WhenAny(load.Reached, running).WaitAsync(cancellationToken).ConfigureAwait(false);
                    load.StopIssuing();
                    // PostgreSQL first, then the server at once: as when the machine fails, neither can finish what it was doing.
                    var postgresKilled = killPostgres && data.KillPostgres();
                    await server.KillAsync().ConfigureAwait(false);
                    result.SecondsToKill = Math.Round(clock.Elapsed.TotalSeconds, 2);
                    await server.DisposeAsync().ConfigureAwait(false);
                    server = null;
                    await running.ConfigureAwait(false);
                    progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"crash: round {round}: killed the server{(postgresKilled ? " and its PostgreSQL" : "")} (SIGKILL) after {load.Acknowledged} acknowledged commits, {result.SecondsToKill:0.0} s"));
                    if (killPostgres && !postgresKilled)
                    {
                        report.Notes.Add($"round {round}: no running PostgreSQL was found in {data.Path} to kill.");
                    }
                }
                var roundAttempts = ledger.Snapshot().Where(a => a.Round == round).ToList();
                result.Sent = roundAttempts.Count;
                result.Acknowledged = roundAttempts.Count(a => a.Acknowledged);
                result.Unacknowledged = result.Sent - result.Acknowledged;
                result.AcknowledgedUpdates = roundAttempts.Count(a => a.Acknowledged && a.Kind == CommitKind.Update);
                foreach (var outcome in roundAttempts.Where(a => !a.Acknowledged).GroupBy(a => a.Outcome ?? "none"))
                {
                    result.UnacknowledgedOutcomes[outcome.Key] = outcome.Count();
                }
                var invalid = load.Failure is not null;
                if (invalid)
                {
                    report.Notes.Add($"round {round} is not valid: {load.Failure}.");
                }
                load = null;

                // The restart, on the same data directory.
                clock.Restart();
                server = await StartAsync(serverDll, data, logStem, report, progress, cancellationToken).ConfigureAwait(false);
                result.RestartSeconds = Math.Round(clock.Elapsed.TotalSeconds, 2);

                // The check, over every commit so far.
                var snapshot = await DatabaseSnapshot.ReadAsync(data.ConnectionString(), ehrIds, cancellationToken).ConfigureAwait(false);
                using (var http = LoadHttpClient.Create(server.Url, clients, options.RequestTimeout))
                {
                    var attempts = ledger.Snapshot();
                    result.Check = await CrashVerifier.VerifyAsync(attempts, snapshot, bodies, new CrashClient(http, options.Tenant), Math.Min(clients, 8), cancellationToken).ConfigureAwait(false);
                    var stored = snapshot.Versions.Select(v => v.Marker).ToHashSet(StringComparer.Ordinal);
                    var present = attempts.Count(a => a.Round == round && !a.Acknowledged && stored.Contains(a.Marker.ToString("D")));
                    result.UnacknowledgedPresent = present;
                    result.UnacknowledgedAbsent = result.Unacknowledged - present;
                }
                Summarise(report, result.Check);
                progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"crash: round {round}: restarted in {result.RestartSeconds:0.0} s; {result.Check.Acknowledged} acknowledged so far, {result.Check.AcknowledgedIntact} present and intact; " +
                    $"this round {result.Unacknowledged} unacknowledged ({result.UnacknowledgedPresent} present, {result.UnacknowledgedAbsent} absent); " +
                    $"{result.Check.VersionsChecked} versions checked; {result.Check.Problems.Count} problems"));
                if (invalid)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            report.Notes.Add($"stopped after {report.Rounds.Count} rounds: the time limit ({options.TimeLimit}) or a signal ended the run.");
        }
        finally
        {
            load?.StopIssuing();
            if (server is not null)
            {
                // SIGTERM: the server stops its PostgreSQL on its way out.
                await server.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                await data.StopOrphanedPostgresAsync(OrphanStopLimit).ConfigureAwait(false);
            }
            if (tempDirectory is not null && !options.KeepData)
            {
                try
                {
                    Directory.Delete(tempDirectory, recursive: true);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    progress.WriteLine($"could not delete {tempDirectory}: {e.Message}");
                }
            }
            else if (tempDirectory is not null)
            {
                progress.WriteLine($"kept {tempDirectory}");
            }
        }

        report.Passed = report.Rounds.Count == options.Kills
            && report.Problems.Count == 0
            && report.Notes.Count == 0
            && report.AcknowledgedIntact == report.Acknowledged;
        report.FinishedAt = DateTimeOffset.UtcNow;
        report.Machine = report.Machine! with { LoadAverageAtEnd = MachineInfo.LoadAverage() };
        return report;
    }

    private static async Task<ServerProcess> StartAsync(string serverDll, ServerDataDirectory data, string logStem, CrashReport report, TextWriter progress, CancellationToken cancellationToken)
    {
        var log = string.Create(CultureInfo.InvariantCulture, $"{logStem}-{report.ServerLogs.Count + 1}.log");
        report.ServerLogs.Add(log);
        return await ServerProcess.StartOnDataDirAsync(serverDll, data.Path, log, progress, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IReadOnlyList<string>> CreateEhrsAsync(Uri url, LoadOptions options, CancellationToken cancellationToken)
    {
        using var http = LoadHttpClient.Create(url, 1, options.RequestTimeout);
        var server = new OpenEhrClient(http, options.Tenant);
        var ehrs = new List<string>();
        while (ehrs.Count < options.Ehrs)
        {
            ehrs.Add(await server.CreateEhrAsync(cancellationToken).ConfigureAwait(false));
        }
        return ehrs;
    }

    /// <summary>The run's figures are those of the last check, which covers every commit; problems add up over the checks.</summary>
    private static void Summarise(CrashReport report, Verification check)
    {
        report.Acknowledged = check.Acknowledged;
        report.AcknowledgedIntact = check.AcknowledgedIntact;
        report.Unacknowledged = check.Unacknowledged;
        report.UnacknowledgedPresent = check.UnacknowledgedPresent;
        report.UnacknowledgedAbsent = check.UnacknowledgedAbsent;
        report.VersionsChecked = check.VersionsChecked;
        foreach (var group in check.Problems.GroupBy(p => p.Kind))
        {
            report.Problems[group.Key] = report.Problems.GetValueOrDefault(group.Key) + group.Count();
            foreach (var problem in group.Take(Math.Max(0, 10 - report.ProblemExamples.Count(e => e.StartsWith(group.Key + ":", StringComparison.Ordinal)))))
            {
                report.ProblemExamples.Add($"{problem.Kind}: {problem.Detail}");
            }
        }
    }
}
