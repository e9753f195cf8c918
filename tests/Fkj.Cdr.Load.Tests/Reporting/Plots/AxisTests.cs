using Fkj.Cdr.Load.Reporting.Plots;

namespace Fkj.Cdr.Load.Tests.Reporting.Plots;

public sealed class AxisTests
{
    [Fact]
    public void A_linear_axis_runs_from_zero_to_a_nice_step_past_the_largest_value()
    {
        var range = new Axis().Resolve([3, 37, 12]);

        Assert.Equal([0, 10, 20, 30, 40], range.Ticks);
        Assert.Equal((0, 40), (range.Min, range.Max));
        Assert.Equal(0.25, range.Fraction(10), 9);
    }

    [Fact]
    public void Ticks_of_fractional_steps_are_exact_decimals()
    {
        var range = new Axis().Resolve([0.9]);

        Assert.Equal([0, 0.2, 0.4, 0.6, 0.8, 1.0], range.Ticks);
    }

    [Fact]
    public void A_log_axis_spans_whole_decades_and_ticks_each()
    {
        var range = new Axis { Scale = AxisScale.Log }.Resolve([3, 450, -1, 0]);

        Assert.Equal([1, 10, 100, 1000], range.Ticks);
        Assert.Equal((1, 1000), (range.Min, range.Max));
        Assert.True(double.IsNaN(range.Fraction(0)));
    }

    [Fact]
    public void A_short_log_axis_ticks_1_2_and_5()
    {
        var range = new Axis { Scale = AxisScale.Log }.Resolve([1.5, 40]);

        Assert.Equal([1, 2, 5, 10, 20, 50, 100], range.Ticks);
    }

    [Fact]
    public void Explicit_ticks_are_kept_with_a_margin_around_them()
    {
        var range = new Axis { Scale = AxisScale.Log, Ticks = [1, 2, 4, 8, 16] }.Resolve([1, 16]);

        Assert.Equal([1, 2, 4, 8, 16], range.Ticks);
        Assert.True(range.Fraction(1) > 0.02 && range.Fraction(16) < 0.98);
        Assert.Equal(0.5, range.Fraction(4), 9);
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(0.05, "0.05")]
    [InlineData(0.125, "0.125")]
    [InlineData(2.5, "2.5")]
    [InlineData(2000, "2000")]
    [InlineData(50_000, "50k")]
    [InlineData(1_500_000, "1.5M")]
    public void Tick_labels_are_short(double value, string label)
    {
        Assert.Equal(label, TickFormat.Compact(value));
    }
}
