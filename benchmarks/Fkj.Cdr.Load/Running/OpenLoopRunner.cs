using System.Diagnostics;
using Fkj.Cdr.Load.Measurement;

namespace Fkj.Cdr.Load.Running;

/// <summary>
/// Open loop: request <c>i</c> is due at <c>start + i / rate</c>, whether or not earlier ones have answered,
/// as independent users would send them. Latency is counted from the moment a request was due, not from
/// when it was sent, so time spent queued behind a saturated server is not hidden (no coordinated
/// omission). At most <c>maxInFlight</c> requests are outstanding; one that falls due beyond that is
/// counted as <see cref="RequestOutcome.Dropped"/> and not sent, which keeps the harness itself bounded.
/// </summary>
public static class OpenLoopRunner
{
    public static async Task<LevelRun> RunAsync(LoadRequest request, double rate, int maxInFlight, RunLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rate);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxInFlight, 1);
        var log = new RequestLog(limits.Requests);
        var durationTicks = limits.DurationTicks;
        var pending = new List<Task>();
        var inFlight = 0;
        long issued = 0;
        var start = Stopwatch.GetTimestamp();

        async Task SendAsync(long index, long due)
        {
            try
            {
                var outcome = await RequestRunner.SendAsync(request, index, cancellationToken).ConfigureAwait(false);
                log.Record(index, Stopwatch.GetTimestamp() - due, outcome);
            }
            finally
            {
                Interlocked.Decrement(ref inFlight);
            }
        }

        for (long i = 0; i < limits.Requests && !cancellationToken.IsCancellationRequested; i++)
        {
            var offset = DueOffsetTicks(i, rate);
            if (offset >= durationTicks)
            {
                break;
            }
            var due = start + offset;
            var wait = due - Stopwatch.GetTimestamp();
            if (wait > 0)
            {
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency), cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
            issued++;
            if (Volatile.Read(ref inFlight) >= maxInFlight)
            {
                log.Record(i, 0, new RequestOutcome(RequestOutcome.Dropped));
                continue;
            }
            Interlocked.Increment(ref inFlight);
            var index = i;
            // The send starts on the thread pool, so a slow start of one request never delays the next one's due time.
            pending.Add(Task.Run(() => SendAsync(index, due), CancellationToken.None));
        }
        await Task.WhenAll(pending).ConfigureAwait(false);
        return new LevelRun(log, issued, Stopwatch.GetTimestamp() - start);
    }

    /// <summary>When request <paramref name="index"/> is due, in Stopwatch ticks after the level's start.</summary>
    public static long DueOffsetTicks(long index, double rate) => (long)(index * (Stopwatch.Frequency / rate));
}
