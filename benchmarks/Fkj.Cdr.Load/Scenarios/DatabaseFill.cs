using System.Diagnostics;
using System.Globalization;
using Fkj.Cdr.Load.Database;
using Fkj.Cdr.Load.Measurement;

namespace Fkj.Cdr.Load.Scenarios;

/// <summary>
/// Fills the database to a size, unmeasured, for --db-sizes: the server through the commit scenario (the same
/// POSTs, validated, indexed and audited as any commit, <see cref="Options.LoadOptions.FillClients"/> at a time),
/// and the baseline table with one binary COPY of the same bodies to as many rows. Both count from what the run
/// has committed so far, which includes the measured levels.
/// </summary>
public sealed class DatabaseFill(ScenarioContext context)
{
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(15);

    private CommitScenario? _committer;

    /// <summary>Commits until the server holds <paramref name="size"/> compositions of this run; returns how many were added and the seconds it took.</summary>
    public async Task<(long Added, double Seconds)> FillServerAsync(long size, CancellationToken cancellationToken)
    {
        var missing = size - context.Committed.Count;
        if (missing <= 0)
        {
            return (0, 0);
        }
        if (_committer is null)
        {
            _committer = new CommitScenario(context);
            await _committer.PrepareAsync(cancellationToken).ConfigureAwait(false);
        }
        var committer = _committer;
        context.Log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  filling the server to {size:N0} compositions: {missing:N0} commits, {context.Options.FillClients} at a time (not measured)"));
        var start = Stopwatch.GetTimestamp();
        var before = context.Committed.Count;
        long failures = 0;
        RequestOutcome lastFailure = default;
        var lastReport = Stopwatch.GetTimestamp();
        // Each commit claims one of the missing slots, so the fill stops at the size exactly; a failed one gives its slot
        // back to be tried again, within a budget: a server that keeps failing ends the fill.
        var open = missing;
        var attempts = missing + Math.Max(100, missing / 20);
        await Parallel.ForAsync(0L, attempts, new ParallelOptions { MaxDegreeOfParallelism = context.Options.FillClients, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                if (Interlocked.Decrement(ref open) < 0)
                {
                    Interlocked.Increment(ref open);
                    return;
                }
                var outcome = await committer.ExecuteAsync(i, ct).ConfigureAwait(false);
                if (!outcome.IsSuccess)
                {
                    Interlocked.Increment(ref failures);
                    Interlocked.Increment(ref open);
                    lastFailure = outcome;
                }
                var now = Stopwatch.GetTimestamp();
                var last = Interlocked.Read(ref lastReport);
                if (Stopwatch.GetElapsedTime(last, now) >= ProgressEvery && Interlocked.CompareExchange(ref lastReport, now, last) == last)
                {
                    var done = context.Committed.Count - before;
                    var seconds = Stopwatch.GetElapsedTime(start, now).TotalSeconds;
                    context.Log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"    {context.Committed.Count:N0} / {size:N0} ({done / seconds:0} commits/s, {Interlocked.Read(ref failures)} failed)"));
                }
            }).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
        if (context.Committed.Count < size)
        {
            throw new LoadSetupException(string.Create(CultureInfo.InvariantCulture,
                $"Filling the server to {size:N0} compositions stopped at {context.Committed.Count:N0}: {failures:N0} commits failed, the last with {RequestOutcome.Name(lastFailure.Code)}."));
        }
        return (context.Committed.Count - before, elapsed);
    }

    /// <summary>Copies rows into the baseline table until it holds <paramref name="size"/> of this run; returns how many were added and the seconds it took.</summary>
    public async Task<(long Added, double Seconds)> FillBaselineAsync(BaselineTable table, long size, CancellationToken cancellationToken)
    {
        var missing = size - context.BaselineRows.Count;
        if (missing <= 0)
        {
            return (0, 0);
        }
        context.Log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  filling {BaselineTable.Name} to {size:N0} rows: {missing:N0} by COPY (not measured)"));
        var start = Stopwatch.GetTimestamp();
        const int batch = 10_000;
        for (long done = 0; done < missing; done += batch)
        {
            var rows = Enumerable.Range(0, (int)Math.Min(batch, missing - done))
                .Select(i => (Id: Guid.NewGuid(), context.Bodies[(int)((done + i) % context.Bodies.Count)].Text))
                .ToList();
            await table.CopyAsync(rows, cancellationToken).ConfigureAwait(false);
            foreach (var (id, _) in rows)
            {
                context.BaselineRows.Add(id);
            }
        }
        return (missing, Stopwatch.GetElapsedTime(start).TotalSeconds);
    }
}
