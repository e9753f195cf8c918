using System.Diagnostics;
using Fkj.Cdr.Load.Measurement;
using Fkj.Cdr.Load.Running;

namespace Fkj.Cdr.Load.Tests.Running;

public sealed class ClosedLoopRunnerTests
{
    [Fact]
    public async Task Stops_after_the_request_count_with_each_request_sent_once()
    {
        var seen = new System.Collections.Concurrent.ConcurrentBag<long>();
        var run = await ClosedLoopRunner.RunAsync(async (sequence, ct) =>
        {
            seen.Add(sequence);
            await Task.Yield();
            return new RequestOutcome(201);
        }, clients: 4, new RunLimits(Requests: 500, Duration: TimeSpan.FromMinutes(1)), CancellationToken.None);

        Assert.Equal(500, run.Issued);
        Assert.Equal(Enumerable.Range(0, 500).Select(i => (long)i), seen.Order());
        var summary = run.Log.Summarise();
        Assert.Equal(500, summary.Succeeded);
        Assert.Equal(new Dictionary<string, long> { ["201"] = 500 }, summary.Outcomes);
    }

    [Fact]
    public async Task Never_has_more_requests_outstanding_than_clients()
    {
        var current = 0;
        var highest = 0;
        await ClosedLoopRunner.RunAsync(async (_, ct) =>
        {
            var now = Interlocked.Increment(ref current);
            InterlockedMax(ref highest, now);
            await Task.Delay(2, ct);
            Interlocked.Decrement(ref current);
            return new RequestOutcome(200);
        }, clients: 3, new RunLimits(60, TimeSpan.FromMinutes(1)), CancellationToken.None);

        Assert.InRange(highest, 1, 3);
    }

    [Fact]
    public async Task Stops_after_the_duration_when_requests_are_left()
    {
        var clock = Stopwatch.StartNew();
        var run = await ClosedLoopRunner.RunAsync(async (_, ct) =>
        {
            await Task.Delay(5, ct);
            return new RequestOutcome(200);
        }, clients: 2, new RunLimits(1_000_000, TimeSpan.FromMilliseconds(300)), CancellationToken.None);

        // Only lower bounds on time: a busy machine can make a run slower, never faster.
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(290));
        // The duration, not the request limit, ended it. A starved machine may start only one client in 300 ms.
        Assert.InRange(run.Issued, 1, 999_999);
        Assert.Equal(run.Issued, run.Log.Summarise().Recorded);
        Assert.True(run.ElapsedSeconds >= 0.29);
    }

    [Fact]
    public async Task Exceptions_become_outcomes_and_the_level_goes_on()
    {
        var run = await ClosedLoopRunner.RunAsync((sequence, _) => (sequence % 4) switch
        {
            0 => throw new HttpRequestException("refused"),
            1 => throw new TaskCanceledException("HttpClient.Timeout", new TimeoutException()),
            2 => throw new InvalidOperationException("bug"),
            _ => ValueTask.FromResult(new RequestOutcome(503, RetryAfter: true)),
        }, clients: 2, new RunLimits(40, TimeSpan.FromMinutes(1)), CancellationToken.None);

        var summary = run.Log.Summarise();
        Assert.Equal(0, summary.Succeeded);
        Assert.Equal(
            new Dictionary<string, long> { ["503"] = 10, ["client-error"] = 10, ["connection-failed"] = 10, ["timeout"] = 10 },
            summary.Outcomes);
        Assert.Equal(10, summary.RetryAfter);
    }

    [Fact]
    public async Task Cancellation_ends_the_level_with_requests_in_flight_marked_cancelled()
    {
        // Cancelled once both clients have a request in flight, not after a time a starved machine may not keep.
        using var stop = new CancellationTokenSource();
        var started = 0;
        var run = await ClosedLoopRunner.RunAsync(async (_, ct) =>
        {
            if (Interlocked.Increment(ref started) == 2) stop.Cancel();
            await Task.Delay(TimeSpan.FromMinutes(5), ct);
            return new RequestOutcome(200);
        }, clients: 2, new RunLimits(100, TimeSpan.FromMinutes(5)), stop.Token);

        Assert.Equal(new Dictionary<string, long> { ["cancelled"] = 2 }, run.Log.Summarise().Outcomes);
    }

    [Fact]
    public async Task Latency_is_each_request_own_time()
    {
        var run = await ClosedLoopRunner.RunAsync(async (_, ct) =>
        {
            await Task.Delay(20, ct);
            return new RequestOutcome(200);
        }, clients: 1, new RunLimits(10, TimeSpan.FromMinutes(1)), CancellationToken.None);

        var latency = run.Log.Summarise().Success;
        // Timers may fire a little early; the point is that the 20 ms of each request are in its latency.
        Assert.True(latency.P50Ms >= 15);
        Assert.True(latency.MinMs >= 15);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
