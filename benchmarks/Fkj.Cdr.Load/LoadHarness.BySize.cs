using Fkj.Cdr.Load.Database;
using Fkj.Cdr.Load.Options;
using Fkj.Cdr.Load.Reporting;
using Fkj.Cdr.Load.Running;
using Fkj.Cdr.Load.Scenarios;

namespace Fkj.Cdr.Load;

/// <summary>--db-sizes: latency against the size of the database.</summary>
public static partial class LoadHarness
{
    /// <summary>
    /// For each size, smallest first: fill the server and the baseline table to it, then run every scenario's levels
    /// there, baseline then server at each level, as a plain run does. Each scenario is prepared again at every size,
    /// so the reads scatter over everything stored by then; it warms up once, before its first size.
    /// </summary>
    private static async Task RunBySizeAsync(
        IReadOnlyList<int> sizes,
        ScenarioContext context,
        IReadOnlyList<LoadLevel> levels,
        StorageProbe? probe,
        LoadReport report,
        CancellationToken cancellationToken)
    {
        var options = context.Options;
        var scenarios = new List<(ScenarioDefinition Definition, List<ILoadScenario> Targets)>();
        foreach (var name in options.Scenarios)
        {
            var definition = ScenarioCatalog.Find(name)!;
            var server = definition.Server(context);
            var baseline = context.Baseline is { } table ? definition.Baseline?.Invoke(context, table) : null;
            scenarios.Add((definition, baseline is null ? [server] : [baseline, server]));
        }

        var fill = new DatabaseFill(context);
        var warmedUp = new HashSet<ILoadScenario>();
        var warmupClients = levels.Max(l => l.Clients);
        try
        {
            foreach (var size in sizes)
            {
                context.Log.WriteLine($"database size {size:N0}");
                var (serverAdded, serverSeconds) = await fill.FillServerAsync(size, cancellationToken);
                var (baselineAdded, baselineSeconds) = context.Baseline is { } table && UsesBaselineTable(options)
                    ? await fill.FillBaselineAsync(table, size, cancellationToken)
                    : (0L, 0.0);
                var tables = probe is null ? null : await probe.TableSizesAsync(cancellationToken);
                report.DatabaseSizes.Add(new DatabaseSizeResult(
                    size,
                    context.Committed.Count,
                    context.BaselineRows.Count,
                    tables?.Where(t => !StorageProbe.IsBaseline(t.Key)).Sum(t => t.Value),
                    tables?.Where(t => StorageProbe.IsBaseline(t.Key)).Sum(t => t.Value),
                    serverAdded,
                    Math.Round(serverSeconds, 2),
                    baselineAdded,
                    Math.Round(baselineSeconds, 2)));

                foreach (var (definition, targets) in scenarios)
                {
                    foreach (var target in targets.ToList())
                    {
                        try
                        {
                            if (warmedUp.Add(target))
                            {
                                await PrepareAndWarmUpAsync(target, definition.Alternating ? 1 : warmupClients, Warmup(definition, options), options, cancellationToken);
                            }
                            else
                            {
                                await target.PrepareAsync(cancellationToken);
                            }
                        }
                        catch (Exception e) when (e is LoadSetupException or HttpRequestException)
                        {
                            report.Notes.Add($"{SkippedPrefix} {target.Name} ({target.Target}) from {size:N0} stored on: {e.Message}");
                            context.Log.WriteLine($"{target.Name} ({target.Target}): skipped: {e.Message}");
                            targets.Remove(target);
                        }
                    }
                    if (definition.Alternating && targets.Count > 0)
                    {
                        var stored = context.Committed.Count;
                        foreach (var result in await RunAlternatingAsync(targets, options, cancellationToken))
                        {
                            report.Results.Add(result with { DatabaseSize = size, StoredAtStart = stored });
                            context.Log.WriteLine(ProgressLine(result));
                        }
                        continue;
                    }
                    foreach (var level in levels)
                    {
                        foreach (var target in targets)
                        {
                            var stored = target.Target == ScenarioTarget.Baseline && definition.UsesBaselineTable ? context.BaselineRows.Count : context.Committed.Count;
                            var run = await ClosedLoopRunner.RunAsync(target.ExecuteAsync, level.Clients, new RunLimits(options.Requests, options.Duration), cancellationToken);
                            var result = ToResult(target, level, run) with { DatabaseSize = size, StoredAtStart = stored };
                            report.Results.Add(result);
                            context.Log.WriteLine(ProgressLine(result));
                            cancellationToken.ThrowIfCancellationRequested();
                        }
                    }
                }
            }
        }
        catch (LoadSetupException e)
        {
            report.Notes.Add($"{SkippedPrefix} the larger sizes: {e.Message}");
            context.Log.WriteLine($"database sizes: stopped: {e.Message}");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            report.Notes.Add($"{StoppedPrefix} during the database sizes: the time limit ({options.TimeLimit}) or a signal ended the run; later sizes did not run.");
        }
    }
}
