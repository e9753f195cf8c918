using System.Diagnostics;

namespace Fkj.Cdr.Load.Measurement;

/// <summary>Latency of a set of requests in milliseconds: nearest-rank percentiles, maximum and mean.</summary>
public sealed record LatencySummary(long Count, double MinMs, double P50Ms, double P95Ms, double P99Ms, double MaxMs, double MeanMs)
{
    public static LatencySummary Empty { get; } = new(0, 0, 0, 0, 0, 0, 0);

    /// <summary>Summarises Stopwatch tick durations; sorts <paramref name="ticks"/> in place.</summary>
    public static LatencySummary FromTicks(Span<long> ticks)
    {
        if (ticks.IsEmpty)
        {
            return Empty;
        }
        ticks.Sort();
        double sum = 0;
        foreach (var t in ticks)
        {
            sum += t;
        }
        ReadOnlySpan<long> sorted = ticks;
        return new LatencySummary(
            ticks.Length,
            Ms(sorted[0]),
            Ms(Percentiles.NearestRank(sorted, 50)),
            Ms(Percentiles.NearestRank(sorted, 95)),
            Ms(Percentiles.NearestRank(sorted, 99)),
            Ms(sorted[^1]),
            Ms(sum / ticks.Length));
    }

    private static double Ms(double ticks) => Math.Round(ticks * 1000.0 / Stopwatch.Frequency, 3);
}
