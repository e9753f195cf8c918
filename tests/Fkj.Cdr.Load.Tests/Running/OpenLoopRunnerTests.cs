using System.Diagnostics;
using Fkj.Cdr.Load.Measurement;
using Fkj.Cdr.Load.Running;

namespace Fkj.Cdr.Load.Tests.Running;

public sealed class OpenLoopRunnerTests
{
    [Fact]
    public void Requests_fall_due_evenly_at_the_rate()
    {
        var f = Stopwatch.Frequency;
        Assert.Equal(0, OpenLoopRunner.DueOffsetTicks(0, 100));
        Assert.Equal(f / 100.0, OpenLoopRunner.DueOffsetTicks(1, 100), 1.0);
        Assert.Equal((double)f, OpenLoopRunner.DueOffsetTicks(100, 100), 1.0);
        Assert.Equal(5.0 * f, OpenLoopRunner.DueOffsetTicks(1_000, 200), 1.0);
    }

    [Fact]
    public async Task Sends_at_the_rate_without_waiting_for_answers()
    {
        // No answer is given until every request has gone out: an open loop gets there, a loop that
        // waited for answers would stall at the first (after 30 s the gate opens for all, and the count fails).
        var allStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = 0;
        var startedBeforeAnyAnswer = 0;
        var starts = new long[50];
        var clock = Stopwatch.StartNew();
        var run = await OpenLoopRunner.RunAsync(async (sequence, ct) =>
        {
            starts[sequence] = clock.ElapsedTicks;
            if (Interlocked.Increment(ref started) == 50) allStarted.TrySetResult();
            try
            {
                await allStarted.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
            }
            catch (Exception e) when (e is TimeoutException or OperationCanceledException)
            {
                allStarted.TrySetCanceled(); // releases every later request at once
            }

            if (allStarted.Task.IsCompletedSuccessfully) Interlocked.Increment(ref startedBeforeAnyAnswer);
            return new RequestOutcome(201);
        }, rate: 100, maxInFlight: 1_000, new RunLimits(50, TimeSpan.FromMinutes(1)), CancellationToken.None);

        Assert.Equal(50, run.Issued);
        Assert.Equal(50, run.Log.Summarise().Succeeded);
        Assert.Equal(50, startedBeforeAnyAnswer);
        // At 100/s the 50th request is due 490 ms in; the pacing never sends early.
        Assert.True(starts[49] * 1000.0 / Stopwatch.Frequency >= 480);
    }

    [Fact]
    public async Task Stops_issuing_at_the_duration()
    {
        var run = await OpenLoopRunner.RunAsync((_, _) => ValueTask.FromResult(new RequestOutcome(200)),
            rate: 200, maxInFlight: 100, new RunLimits(1_000_000, TimeSpan.FromMilliseconds(250)), CancellationToken.None);

        // Due offsets 0, 5, ..., 245 ms: exactly 50 requests fall inside 250 ms.
        Assert.Equal(50, run.Issued);
        Assert.Equal(50, run.Log.Summarise().Succeeded);
    }

    [Fact]
    public async Task Past_the_in_flight_cap_requests_are_dropped_not_queued()
    {
        using var release = new SemaphoreSlim(0);
        var runTask = OpenLoopRunner.RunAsync(async (_, ct) =>
        {
            await release.WaitAsync(ct);
            return new RequestOutcome(201);
        }, rate: 1_000, maxInFlight: 5, new RunLimits(40, TimeSpan.FromMinutes(1)), CancellationToken.None);
        // Every request is due within 40 ms; none can finish until released.
        await Task.Delay(300);
        release.Release(1_000);
        var run = await runTask;

        var summary = run.Log.Summarise();
        Assert.Equal(40, run.Issued);
        Assert.Equal(5, summary.Succeeded);
        Assert.Equal(35, summary.Outcomes["dropped"]);
        Assert.Equal(5, summary.All.Count);
    }

    [Fact]
    public async Task Latency_runs_from_when_a_request_was_due()
    {
        // A server that handles one request at a time, 20 ms each, offered 100 requests/s (one every 10 ms):
        // the queue grows, and so must the latency; a closed-loop measure would show a flat 20 ms.
        using var server = new SemaphoreSlim(1);
        var run = await OpenLoopRunner.RunAsync(async (_, ct) =>
        {
            await server.WaitAsync(ct);
            try
            {
                await Task.Delay(20, ct);
            }
            finally
            {
                server.Release();
            }
            return new RequestOutcome(200);
        }, rate: 100, maxInFlight: 1_000, new RunLimits(30, TimeSpan.FromMinutes(1)), CancellationToken.None);

        var latency = run.Log.Summarise().Success;
        Assert.Equal(30, latency.Count);
        // The 30th request is due at 290 ms but served after 30 × 20 = 600 ms at the earliest: at least about 300 ms
        // late. Only this lower bound is asserted: a busy machine can make every latency longer, never shorter (a
        // ratio of the longest to the shortest failed when the first request was itself delayed).
        Assert.True(latency.MaxMs >= 250, $"longest latency {latency.MaxMs} ms");
    }

    [Fact]
    public async Task Cancellation_stops_issuing_and_waits_for_nothing_more()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(150));
        var clock = Stopwatch.StartNew();
        var run = await OpenLoopRunner.RunAsync(async (_, ct) =>
        {
            await Task.Delay(TimeSpan.FromMinutes(5), ct);
            return new RequestOutcome(200);
        }, rate: 50, maxInFlight: 100, new RunLimits(1_000, TimeSpan.FromMinutes(5)), stop.Token);

        // Issuing stopped when the token fired (late, on a busy machine, but it stopped): no more than the rate allows up to then.
        Assert.InRange(run.Issued, 1, (long)(clock.Elapsed.TotalSeconds * 50) + 1);
        Assert.Equal(run.Issued, run.Log.Summarise().Outcomes["cancelled"]);
    }
}
