using System.Globalization;

namespace Fkj.Cdr.Load.Reporting.Plots;

/// <summary>Short tick labels: 0.05, 2.5, 100, 2000, 50k, 1.5M.</summary>
public static class TickFormat
{
    public static string Compact(double value)
    {
        var c = CultureInfo.InvariantCulture;
        var a = Math.Abs(value);
        if (a < 1e-12)
        {
            return "0";
        }
        if (a >= 1e6)
        {
            return (value / 1e6).ToString("0.##", c) + "M";
        }
        if (a >= 1e4)
        {
            return (value / 1e3).ToString("0.##", c) + "k";
        }
        if (a >= 1)
        {
            return value.ToString("0.##", c);
        }
        // Three significant digits below 1: 0.5, 0.05, 0.125.
        var decimals = Math.Clamp(2 - (int)Math.Floor(Math.Log10(a)), 1, 12);
        return Math.Round(value, decimals).ToString("0." + new string('#', decimals), c);
    }
}
