namespace Fkj.Cdr.Cli.Synthetic;

/// <summary>
/// A small seeded pseudo-random generator (xoshiro256**, seeded through SplitMix64) whose sequence is
/// fixed by this code alone, not by the .NET version: <see cref="System.Random"/> promises no stable
/// sequence for a seed. Every draw uses integer arithmetic or IEEE additions and multiplications only
/// (no logarithms or cosines, whose last bit may differ between CPUs and runtimes), so one seed gives
/// the same numbers, and so the same files, on every machine.
/// </summary>
public sealed class SeededRandom
{
    private const double Sqrt3 = 1.7320508075688772;
    private ulong s0, s1, s2, s3;

    public SeededRandom(ulong seed)
    {
        var x = seed;
        s0 = SplitMix64(ref x);
        s1 = SplitMix64(ref x);
        s2 = SplitMix64(ref x);
        s3 = SplitMix64(ref x);
    }

    /// <summary>An independent stream for one purpose and index, e.g. (seed, "ehr", 17): a different generator per EHR.</summary>
    public static SeededRandom For(ulong seed, ulong stream, ulong index)
    {
        var x = seed;
        var a = SplitMix64(ref x);
        x = a ^ (stream * 0x9E3779B97F4A7C15UL);
        var b = SplitMix64(ref x);
        x = b ^ (index * 0xD1B54A32D192ED03UL);
        return new SeededRandom(SplitMix64(ref x));
    }

    private static ulong SplitMix64(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public ulong NextUInt64()
    {
        var result = ulong.RotateLeft(s1 * 5, 7) * 9;
        var t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = ulong.RotateLeft(s3, 45);
        return result;
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform integer in [<paramref name="minInclusive"/>, <paramref name="maxExclusive"/>), without modulo bias.</summary>
    public int Next(int minInclusive, int maxExclusive)
    {
        if (maxExclusive <= minInclusive) throw new ArgumentOutOfRangeException(nameof(maxExclusive));
        var range = (ulong)((long)maxExclusive - minInclusive);
        // Lemire's multiply-and-reject.
        var product = Math.BigMul(NextUInt64(), range, out var low);
        if (low < range)
        {
            var threshold = (0 - range) % range;
            while (low < threshold) product = Math.BigMul(NextUInt64(), range, out low);
        }

        return (int)((long)minInclusive + (long)product);
    }

    /// <summary>A uniform double in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public double Uniform(double min, double max) => min + (max - min) * NextDouble();

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Chance(double p) => NextDouble() < p;

    /// <summary>
    /// A bell-shaped draw with the given mean and standard deviation: the sum of four uniforms
    /// (Irwin–Hall), scaled. Its tails end at ±3.46 standard deviations, which suits vital signs: noise
    /// never produces an absurd outlier.
    /// </summary>
    public double Normal(double mean, double sd)
    {
        var sum = NextDouble() + NextDouble() + NextDouble() + NextDouble();
        return mean + sd * (sum - 2.0) * Sqrt3;
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(0, items.Count)];

    /// <summary>An index drawn with the given (not necessarily normalised) weights.</summary>
    public int PickWeighted(ReadOnlySpan<double> weights)
    {
        var total = 0.0;
        foreach (var w in weights) total += w;
        var x = NextDouble() * total;
        for (var i = 0; i < weights.Length; i++)
        {
            x -= weights[i];
            if (x < 0) return i;
        }

        return weights.Length - 1;
    }

    /// <summary>A version 4 (random) UUID in its usual text form.</summary>
    public string NextUuid()
    {
        var hi = NextUInt64();
        var lo = NextUInt64();
        hi = (hi & 0xFFFFFFFFFFFF0FFFUL) | 0x0000000000004000UL; // version 4
        lo = (lo & 0x3FFFFFFFFFFFFFFFUL) | 0x8000000000000000UL; // variant 10
        return string.Create(36, (hi, lo), static (span, v) =>
        {
            const string hex = "0123456789abcdef";
            var pos = 0;
            for (var i = 0; i < 32; i++)
            {
                if (i is 8 or 12 or 16 or 20) span[pos++] = '-';
                var word = i < 16 ? v.hi : v.lo;
                var shift = 60 - 4 * (i % 16);
                span[pos++] = hex[(int)((word >> shift) & 0xF)];
            }
        });
    }
}
