namespace Fkj.Cdr.Load.Reporting.Plots;

/// <summary>
/// One axis of a chart: its label, scale and, optionally, fixed bounds or ticks. Without them, a linear axis runs
/// from zero (or the smallest value, when <see cref="IncludeZero"/> is off) to the largest, both rounded out to a
/// "nice" step (1, 2 or 5 times a power of ten); a log axis runs over whole decades. Explicit <see cref="Ticks"/> are
/// used as given, and the axis leaves a margin around them so points on the outer ticks stay clear of the frame.
/// </summary>
public sealed class Axis
{
    public string Label { get; init; } = "";

    public AxisScale Scale { get; init; } = AxisScale.Linear;

    public double? Min { get; init; }

    public double? Max { get; init; }

    public IReadOnlyList<double>? Ticks { get; init; }

    public bool IncludeZero { get; init; } = true;

    public Func<double, string> Format { get; init; } = TickFormat.Compact;

    /// <summary>The axis's range and ticks for these data values.</summary>
    public AxisRange Resolve(IEnumerable<double> data)
    {
        var values = data.Where(v => double.IsFinite(v) && (Scale == AxisScale.Linear || v > 0)).ToList();
        if (Ticks is { Count: > 0 } ticks)
        {
            var usable = ticks.Where(t => Scale == AxisScale.Linear || t > 0).ToList();
            var lo = Min ?? usable.Concat(values).Min();
            var hi = Max ?? usable.Concat(values).Max();
            return AxisRange.Create(Scale, lo, hi, usable.Where(t => t >= lo && t <= hi).ToList(), margin: 0.05);
        }
        return Scale == AxisScale.Log ? ResolveLog(values) : ResolveLinear(values);
    }

    private AxisRange ResolveLinear(List<double> values)
    {
        var lo = Min ?? (values.Count == 0 ? 0 : IncludeZero ? Math.Min(0, values.Min()) : values.Min());
        var hi = Max ?? (values.Count == 0 ? 1 : IncludeZero ? Math.Max(0, values.Max()) : values.Max());
        if (hi - lo <= 0)
        {
            hi = lo + (lo == 0 ? 1 : Math.Abs(lo) * 0.1);
        }
        var step = NiceStep((hi - lo) / 5);
        if (Min is null)
        {
            lo = Math.Floor(lo / step + 1e-9) * step;
        }
        if (Max is null)
        {
            hi = Math.Ceiling(hi / step - 1e-9) * step;
        }
        // Rounded to the step's decimals, so that a tick is 0.6 and not 0.6000000000000001.
        var decimals = Math.Clamp(1 - (int)Math.Floor(Math.Log10(step)), 0, 15);
        var ticks = new List<double>();
        var first = (long)Math.Ceiling(lo / step - 1e-9);
        for (var i = first; i * step <= hi + step * 1e-9; i++)
        {
            ticks.Add(Math.Round(i * step, decimals));
        }
        return AxisRange.Create(AxisScale.Linear, lo, hi, ticks, margin: 0);
    }

    private AxisRange ResolveLog(List<double> values)
    {
        var lo = Min ?? (values.Count == 0 ? 1 : Math.Pow(10, Math.Floor(Math.Log10(values.Min()) + 1e-9)));
        var hi = Max ?? (values.Count == 0 ? 10 : Math.Pow(10, Math.Ceiling(Math.Log10(values.Max()) - 1e-9)));
        if (hi <= lo)
        {
            hi = lo * 10;
        }
        var decades = Math.Log10(hi / lo);
        double[] mantissas = decades <= 2.01 ? [1, 2, 5] : [1];
        var ticks = new List<double>();
        for (var k = (int)Math.Floor(Math.Log10(lo)); k <= (int)Math.Ceiling(Math.Log10(hi)); k++)
        {
            foreach (var m in mantissas)
            {
                var t = m * Math.Pow(10, k);
                if (t >= lo * (1 - 1e-9) && t <= hi * (1 + 1e-9))
                {
                    ticks.Add(t);
                }
            }
        }
        return AxisRange.Create(AxisScale.Log, lo, hi, ticks, margin: Min is null || Max is null ? 0.02 : 0);
    }

    /// <summary>1, 2 or 5 times a power of ten, near <paramref name="rough"/>.</summary>
    public static double NiceStep(double rough)
    {
        if (rough <= 0 || !double.IsFinite(rough))
        {
            return 1;
        }
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var normal = rough / magnitude;
        var nice = normal < 1.5 ? 1 : normal < 3 ? 2 : normal < 7 ? 5 : 10;
        return nice * magnitude;
    }
}
