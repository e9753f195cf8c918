using System.Diagnostics;
using Fkj.Cdr.Load.Measurement;

namespace Fkj.Cdr.Load.Running;

/// <summary>
/// Closed loop: <c>clients</c> workers, each sending its next request as soon as its last one answered,
/// until the level's request count is used up or its duration has passed. Throughput is what the
/// server sustains at that concurrency; latency is each request's own send-to-answer time.
/// </summary>
public static class ClosedLoopRunner
{
    public static async Task<LevelRun> RunAsync(LoadRequest request, int clients, RunLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfLessThan(clients, 1);
        var log = new RequestLog(limits.Requests);
        var durationTicks = limits.DurationTicks;
        long next = -1;
        var start = Stopwatch.GetTimestamp();

        async Task WorkerAsync()
        {
            // Off the caller's thread: every worker starts at once.
            await Task.Yield();
            while (!cancellationToken.IsCancellationRequested && Stopwatch.GetTimestamp() - start < durationTicks)
            {
                var index = Interlocked.Increment(ref next);
                if (index >= limits.Requests)
                {
                    return;
                }
                var sent = Stopwatch.GetTimestamp();
                var outcome = await RequestRunner.SendAsync(request, index, cancellationToken).ConfigureAwait(false);
                log.Record(index, Stopwatch.GetTimestamp() - sent, outcome);
            }
        }

        var workers = new Task[clients];
        for (var c = 0; c < clients; c++)
        {
            workers[c] = Task.Run(WorkerAsync, CancellationToken.None);
        }
        await Task.WhenAll(workers).ConfigureAwait(false);
        var elapsed = Stopwatch.GetTimestamp() - start;
        return new LevelRun(log, Math.Min(Interlocked.Read(ref next) + 1, limits.Requests), elapsed);
    }
}
