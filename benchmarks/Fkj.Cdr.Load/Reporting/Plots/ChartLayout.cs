namespace Fkj.Cdr.Load.Reporting.Plots;

/// <summary>Where a chart's parts go within its area: the plot frame, the resolved axes, the legend's rows.</summary>
public sealed record ChartLayout(PixelRect Area, PixelRect Plot, AxisRange X, AxisRange Y, IReadOnlyList<IReadOnlyList<Series>> LegendRows)
{
    /// <summary>The pixel position of a data point (fractional: the centre of pixel (i, j) is at (i + 0.5, j + 0.5)).</summary>
    public (double X, double Y) Map(double x, double y) => (
        Plot.Left + X.Fraction(x) * Plot.Width,
        Plot.Bottom - Y.Fraction(y) * Plot.Height);
}
