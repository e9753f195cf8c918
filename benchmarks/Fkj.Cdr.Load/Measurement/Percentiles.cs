namespace Fkj.Cdr.Load.Measurement;

/// <summary>Percentiles of a sorted array by the nearest-rank method: exact, no interpolation, no bucketing.</summary>
public static class Percentiles
{
    /// <summary>
    /// The smallest value such that at least <paramref name="percentile"/> % of the values are at or below it:
    /// element ⌈p/100 · n⌉ (1-based) of <paramref name="sorted"/>. p0 is the minimum, p100 the maximum.
    /// </summary>
    public static long NearestRank(ReadOnlySpan<long> sorted, double percentile)
    {
        if (sorted.IsEmpty)
        {
            throw new ArgumentException("No values.", nameof(sorted));
        }
        if (percentile is < 0 or > 100 || double.IsNaN(percentile))
        {
            throw new ArgumentOutOfRangeException(nameof(percentile), percentile, "A percentile is from 0 to 100.");
        }
        // Rounded before the ceiling so that 99.9 % of 1000 is rank 999, not 1000 from 999.0000000001.
        var rank = (long)Math.Ceiling(Math.Round(percentile / 100.0 * sorted.Length, 9));
        var index = (int)Math.Clamp(rank - 1, 0, sorted.Length - 1);
        return sorted[index];
    }
}
