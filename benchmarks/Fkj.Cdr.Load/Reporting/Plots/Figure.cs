namespace Fkj.Cdr.Load.Reporting.Plots;

/// <summary>One or more charts side by side in one image.</summary>
public static class Figure
{
    /// <summary>Draws <paramref name="charts"/> left to right, each <paramref name="panelWidth"/> by <paramref name="height"/> pixels.</summary>
    public static Canvas Render(int panelWidth, int height, params IReadOnlyList<Chart> charts)
    {
        ArgumentOutOfRangeException.ThrowIfZero(charts.Count);
        var canvas = new Canvas(panelWidth * charts.Count, height, Rgb.White);
        for (var i = 0; i < charts.Count; i++)
        {
            charts[i].Draw(canvas, new PixelRect(i * panelWidth, 0, panelWidth, height));
        }
        return canvas;
    }
}
