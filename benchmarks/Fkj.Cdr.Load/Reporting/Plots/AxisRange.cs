namespace Fkj.Cdr.Load.Reporting.Plots;

/// <summary>
/// A resolved axis: from <see cref="Min"/> to <see cref="Max"/> (plus a margin, as a fraction of the span, on either
/// side), on a linear or log scale, with its ticks. <see cref="Fraction"/> places a value along it: 0 at the start
/// of the drawn span, 1 at its end.
/// </summary>
public sealed record AxisRange(AxisScale Scale, double Min, double Max, IReadOnlyList<double> Ticks, double Margin)
{
    public static AxisRange Create(AxisScale scale, double min, double max, IReadOnlyList<double> ticks, double margin)
    {
        if (scale == AxisScale.Log && (min <= 0 || max <= 0))
        {
            throw new ArgumentException("A log axis needs positive bounds.");
        }
        if (max <= min)
        {
            max = scale == AxisScale.Log ? min * 10 : min + 1;
        }
        return new AxisRange(scale, min, max, ticks, margin);
    }

    /// <summary>Where <paramref name="value"/> lies along the axis, or NaN when a log axis cannot show it.</summary>
    public double Fraction(double value)
    {
        if (Scale == AxisScale.Log && value <= 0)
        {
            return double.NaN;
        }
        var lo = Transform(Min);
        var span = Transform(Max) - lo;
        return (Transform(value) - lo + Margin * span) / (span * (1 + 2 * Margin));
    }

    private double Transform(double v) => Scale == AxisScale.Log ? Math.Log10(v) : v;
}
