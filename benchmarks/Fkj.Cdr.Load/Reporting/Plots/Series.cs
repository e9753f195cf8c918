namespace Fkj.Cdr.Load.Reporting.Plots;

/// <summary>A named line through data points, with markers; dashed when <see cref="Dash"/> is set.</summary>
public sealed class Series(string name, IReadOnlyList<(double X, double Y)> points, Rgb color)
{
    public string Name { get; } = name;

    public IReadOnlyList<(double X, double Y)> Points { get; } = points;

    public Rgb Color { get; } = color;

    public MarkerShape Marker { get; init; } = MarkerShape.Circle;

    public double MarkerSize { get; init; } = 9;

    /// <summary>0 draws markers only.</summary>
    public double LineWidth { get; init; } = 2.5;

    /// <summary>On and off lengths in pixels; null draws a solid line.</summary>
    public IReadOnlyList<double>? Dash { get; init; }

    /// <summary>The dash pattern of baselines in these plots.</summary>
    public static IReadOnlyList<double> Dashed { get; } = [9, 6];
}
