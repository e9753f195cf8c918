namespace Fkj.Cdr.Load.Reporting.Plots;

/// <summary>
/// A line chart: a title, an x and a y axis with ticks, grid lines and labels, the series (lines and markers,
/// clipped to the plot frame) and a legend under the plot, so it never covers data. Text is <see cref="BitmapFont"/>
/// at <see cref="FontScale"/>.
/// </summary>
public sealed class Chart
{
    public string Title { get; init; } = "";

    public Axis X { get; init; } = new();

    public Axis Y { get; init; } = new();

    public List<Series> Series { get; } = [];

    public int FontScale { get; init; } = 2;

    public Rgb Background { get; init; } = Rgb.White;

    public static Rgb Ink { get; } = Rgb.Parse("#222222");

    public static Rgb Frame { get; } = Rgb.Parse("#555555");

    public static Rgb Grid { get; } = Rgb.Parse("#e4e4e4");

    private const int Pad = 12;
    private const int TickLength = 5;
    private const int LegendSample = 34;

    private int TextHeight => BitmapFont.GlyphHeight * FontScale;

    private int Width(string text) => BitmapFont.Measure(text) * FontScale;

    /// <summary>Lays the chart out in <paramref name="area"/>.</summary>
    public ChartLayout Layout(PixelRect area)
    {
        var x = X.Resolve(Series.SelectMany(s => s.Points.Select(p => p.X)));
        var y = Y.Resolve(Series.SelectMany(s => s.Points.Select(p => p.Y)));

        var legendRows = new List<IReadOnlyList<Series>>();
        var row = new List<Series>();
        var rowWidth = 0;
        var legendWidth = area.Width - 2 * Pad;
        foreach (var s in Series)
        {
            var w = LegendEntryWidth(s);
            if (row.Count > 0 && rowWidth + w > legendWidth)
            {
                legendRows.Add(row);
                row = [];
                rowWidth = 0;
            }
            row.Add(s);
            rowWidth += w;
        }
        if (row.Count > 0)
        {
            legendRows.Add(row);
        }

        var top = area.Top + Pad + (Title.Length > 0 ? TextHeight + Pad : 0);
        var legendHeight = legendRows.Count * (TextHeight + 6);
        var bottom = area.Bottom - Pad - legendHeight - (legendRows.Count > 0 ? Pad : 0)
            - (X.Label.Length > 0 ? TextHeight + 8 : 0) - TickLength - 4 - TextHeight;
        var yTickWidth = y.Ticks.Count == 0 ? 0 : y.Ticks.Max(t => Width(Y.Format(t)));
        var left = area.Left + Pad + (Y.Label.Length > 0 ? TextHeight + 10 : 0) + yTickWidth + TickLength + 4;
        var lastXLabel = x.Ticks.Count == 0 ? 0 : Width(X.Format(x.Ticks[^1]));
        var right = area.Right - Pad - Math.Max(8, lastXLabel / 2);
        var plot = new PixelRect(left, top, Math.Max(10, right - left), Math.Max(10, bottom - top));
        return new ChartLayout(area, plot, x, y, legendRows);
    }

    /// <summary>Draws the chart into <paramref name="area"/> of <paramref name="canvas"/>; returns its layout.</summary>
    public ChartLayout Draw(Canvas canvas, PixelRect area)
    {
        var layout = Layout(area);
        var plot = layout.Plot;
        var clip = canvas.Clip;
        canvas.Clip = area;
        canvas.FillRect(area, Background);

        if (Title.Length > 0)
        {
            canvas.Text(plot.Left + (plot.Width - Width(Title)) / 2, area.Top + Pad, Title, Ink, FontScale);
        }

        // Grid, then the frame over it.
        foreach (var t in layout.Y.Ticks)
        {
            var py = (int)Math.Floor(layout.Map(layout.X.Min, t).Y);
            canvas.FillRect(new PixelRect(plot.Left, py, plot.Width, 1), Grid);
            canvas.FillRect(new PixelRect(plot.Left - TickLength, py, TickLength, 1), Frame);
            var label = Y.Format(t);
            canvas.Text(plot.Left - TickLength - 4 - Width(label), py - BitmapFont.CapHeight * FontScale / 2, label, Ink, FontScale);
        }
        foreach (var t in layout.X.Ticks)
        {
            var px = (int)Math.Floor(layout.Map(t, layout.Y.Min).X);
            canvas.FillRect(new PixelRect(px, plot.Top, 1, plot.Height), Grid);
            canvas.FillRect(new PixelRect(px, plot.Bottom, 1, TickLength), Frame);
            var label = X.Format(t);
            canvas.Text(px - Width(label) / 2, plot.Bottom + TickLength + 4, label, Ink, FontScale);
        }
        canvas.StrokeRect(new PixelRect(plot.Left - 1, plot.Top - 1, plot.Width + 2, plot.Height + 2), Frame);

        if (X.Label.Length > 0)
        {
            canvas.Text(plot.Left + (plot.Width - Width(X.Label)) / 2, plot.Bottom + TickLength + 4 + TextHeight + 8, X.Label, Ink, FontScale);
        }
        if (Y.Label.Length > 0)
        {
            canvas.TextUp(area.Left + Pad, plot.Top + (plot.Height + Width(Y.Label)) / 2, Y.Label, Ink, FontScale);
        }

        canvas.Clip = plot;
        foreach (var s in Series)
        {
            // A point a log axis cannot show breaks the line there.
            var run = new List<(double, double)>();
            foreach (var p in s.Points)
            {
                var (px, py) = layout.Map(p.X, p.Y);
                if (double.IsNaN(px) || double.IsNaN(py))
                {
                    DrawRun(canvas, s, run);
                    run.Clear();
                    continue;
                }
                run.Add((px, py));
            }
            DrawRun(canvas, s, run);
        }

        canvas.Clip = area;
        var legendTop = area.Bottom - Pad - layout.LegendRows.Count * (TextHeight + 6) + 6;
        foreach (var entries in layout.LegendRows)
        {
            var lx = area.Left + Pad;
            var cy = legendTop + BitmapFont.CapHeight * FontScale / 2.0;
            foreach (var s in entries)
            {
                if (s.LineWidth > 0)
                {
                    canvas.Polyline([(lx, cy), (lx + LegendSample, cy)], s.LineWidth, s.Color, s.Dash);
                }
                canvas.Marker(lx + LegendSample / 2.0, cy, s.Marker, s.MarkerSize, s.Color, Background);
                canvas.Text(lx + LegendSample + 6, legendTop, s.Name, Ink, FontScale);
                lx += LegendEntryWidth(s);
            }
            legendTop += TextHeight + 6;
        }
        canvas.Clip = clip;
        return layout;
    }

    private void DrawRun(Canvas canvas, Series s, List<(double X, double Y)> run)
    {
        if (s.LineWidth > 0)
        {
            canvas.Polyline(run, s.LineWidth, s.Color, s.Dash);
        }
        foreach (var (px, py) in run)
        {
            canvas.Marker(px, py, s.Marker, s.MarkerSize, s.Color, Background);
        }
    }

    private int LegendEntryWidth(Series s) => LegendSample + 6 + Width(s.Name) + 22;
}
