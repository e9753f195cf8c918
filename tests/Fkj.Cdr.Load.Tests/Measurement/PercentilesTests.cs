using Fkj.Cdr.Load.Measurement;

namespace Fkj.Cdr.Load.Tests.Measurement;

public sealed class PercentilesTests
{
    private static readonly long[] OneToHundred = Enumerable.Range(1, 100).Select(i => (long)i).ToArray();

    [Theory]
    [InlineData(50, 50)]
    [InlineData(95, 95)]
    [InlineData(99, 99)]
    [InlineData(100, 100)]
    [InlineData(0, 1)]
    [InlineData(0.5, 1)]
    [InlineData(1, 1)]
    [InlineData(1.1, 2)]
    [InlineData(99.9, 100)]
    public void Nearest_rank_of_one_to_a_hundred_is_the_percentile_itself(double percentile, long expected)
    {
        Assert.Equal(expected, Percentiles.NearestRank(OneToHundred, percentile));
    }

    [Fact]
    public void Nearest_rank_takes_an_element_never_an_interpolation()
    {
        long[] sorted = [10, 20, 30, 40];
        Assert.Equal(20, Percentiles.NearestRank(sorted, 50));   // rank ⌈2⌉ = 2
        Assert.Equal(30, Percentiles.NearestRank(sorted, 50.1)); // rank ⌈2.004⌉ = 3
        Assert.Equal(40, Percentiles.NearestRank(sorted, 95));
        Assert.Equal(40, Percentiles.NearestRank(sorted, 99));
    }

    [Fact]
    public void A_single_value_is_every_percentile()
    {
        long[] one = [7];
        Assert.Equal(7, Percentiles.NearestRank(one, 0));
        Assert.Equal(7, Percentiles.NearestRank(one, 50));
        Assert.Equal(7, Percentiles.NearestRank(one, 100));
    }

    [Fact]
    public void Ninety_nine_point_nine_of_a_thousand_is_rank_999_despite_floating_point()
    {
        var sorted = Enumerable.Range(1, 1000).Select(i => (long)i).ToArray();
        Assert.Equal(999, Percentiles.NearestRank(sorted, 99.9));
    }

    [Fact]
    public void No_values_or_a_percentile_out_of_range_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Percentiles.NearestRank([], 50));
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentiles.NearestRank(OneToHundred, 101));
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentiles.NearestRank(OneToHundred, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentiles.NearestRank(OneToHundred, double.NaN));
    }
}
