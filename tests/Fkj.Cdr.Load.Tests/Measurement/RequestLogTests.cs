using System.Diagnostics;
using Fkj.Cdr.Load.Measurement;

namespace Fkj.Cdr.Load.Tests.Measurement;

public sealed class RequestLogTests
{
    private static long Ms(double ms) => (long)(ms * Stopwatch.Frequency / 1000.0);

    [Fact]
    public void Summary_counts_outcomes_and_takes_latency_percentiles_of_the_successes()
    {
        var log = new RequestLog(110);
        // 100 successes of 1..100 ms, recorded out of order.
        for (var i = 100; i >= 1; i--)
        {
            log.Record(i - 1, Ms(i), new RequestOutcome(201));
        }
        // Fast refusals and slow failures must not move the success percentiles.
        for (var i = 100; i < 105; i++)
        {
            log.Record(i, Ms(0.1), new RequestOutcome(503, RetryAfter: true));
        }
        log.Record(105, Ms(30_000), new RequestOutcome(RequestOutcome.Timeout));
        log.Record(106, 0, new RequestOutcome(RequestOutcome.Dropped));
        log.Record(107, Ms(2), new RequestOutcome(RequestOutcome.ConnectionFailed));
        // 108 and 109 never recorded (a level cut short).

        var summary = log.Summarise();

        Assert.Equal(108, summary.Recorded);
        Assert.Equal(100, summary.Succeeded);
        Assert.Equal(5, summary.RetryAfter);
        Assert.Equal(
            new Dictionary<string, long> { ["201"] = 100, ["503"] = 5, ["connection-failed"] = 1, ["dropped"] = 1, ["timeout"] = 1 },
            summary.Outcomes);
        Assert.Equal(100, summary.Success.Count);
        Assert.Equal(50, summary.Success.P50Ms, 3);
        Assert.Equal(95, summary.Success.P95Ms, 3);
        Assert.Equal(99, summary.Success.P99Ms, 3);
        Assert.Equal(100, summary.Success.MaxMs, 3);
        Assert.Equal(1, summary.Success.MinMs, 3);
        Assert.Equal(50.5, summary.Success.MeanMs, 2);
        // Every answered request, errors included; a dropped one was never sent and has no latency.
        Assert.Equal(107, summary.All.Count);
        Assert.Equal(30_000, summary.All.MaxMs, 1);
    }

    [Fact]
    public void An_empty_log_summarises_to_zero()
    {
        var summary = new RequestLog(10).Summarise();
        Assert.Equal(0, summary.Recorded);
        Assert.Empty(summary.Outcomes);
        Assert.Same(LatencySummary.Empty, summary.Success);
    }

    [Fact]
    public void Zero_is_not_an_outcome()
    {
        Assert.Throws<ArgumentException>(() => new RequestLog(1).Record(0, 1, default));
    }

    [Theory]
    [InlineData(201, "201")]
    [InlineData(503, "503")]
    [InlineData(RequestOutcome.Timeout, "timeout")]
    [InlineData(RequestOutcome.ConnectionFailed, "connection-failed")]
    [InlineData(RequestOutcome.ClientError, "client-error")]
    [InlineData(RequestOutcome.Dropped, "dropped")]
    [InlineData(RequestOutcome.Cancelled, "cancelled")]
    public void Outcomes_have_stable_names(int code, string name)
    {
        Assert.Equal(name, RequestOutcome.Name(code));
    }
}
