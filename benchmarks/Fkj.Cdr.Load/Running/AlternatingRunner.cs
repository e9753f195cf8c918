using System.Diagnostics;
using Fkj.Cdr.Load.Measurement;

namespace Fkj.Cdr.Load.Running;

/// <summary>
/// For slow queries measured a few times: one client, the two targets taking turns, request by request, the first
/// going first in even rounds and second in odd ones, so that whatever else the machine does falls on both alike.
/// Ends after <see cref="RunLimits.Requests"/> rounds or when the duration has passed (a round once started is finished).
/// </summary>
public static class AlternatingRunner
{
    public static async Task<(LevelRun First, LevelRun Second)> RunAsync(LoadRequest first, LoadRequest second, RunLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var logs = new[] { new RequestLog(limits.Requests), new RequestLog(limits.Requests) };
        var requests = new[] { first, second };
        var elapsed = new long[2];
        var start = Stopwatch.GetTimestamp();
        var rounds = 0;
        while (rounds < limits.Requests && !cancellationToken.IsCancellationRequested && Stopwatch.GetTimestamp() - start < limits.DurationTicks)
        {
            foreach (var side in rounds % 2 == 0 ? [0, 1] : new[] { 1, 0 })
            {
                var sent = Stopwatch.GetTimestamp();
                var outcome = await RequestRunner.SendAsync(requests[side], rounds, cancellationToken).ConfigureAwait(false);
                var took = Stopwatch.GetTimestamp() - sent;
                logs[side].Record(rounds, took, outcome);
                elapsed[side] += took;
            }
            rounds++;
        }
        // Each side's time is the sum of its own requests, so its throughput is its own rate, not half the round's.
        return (new LevelRun(logs[0], rounds, elapsed[0]), new LevelRun(logs[1], rounds, elapsed[1]));
    }
}
