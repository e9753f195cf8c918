using Fkj.Cdr.Load.Reporting.Plots;

namespace Fkj.Cdr.Load.Tests.Reporting.Plots;

public sealed class ChartTests
{
    private static readonly Rgb Red = new(220, 20, 30);

    [Fact]
    public void A_point_lands_on_the_pixel_its_values_give_within_the_frame()
    {
        var chart = new Chart
        {
            Title = "t",
            X = new Axis { Label = "x", Min = 0, Max = 100 },
            Y = new Axis { Label = "y", Min = 0, Max = 10 },
        };
        chart.Series.Add(new Series("point", [(25, 7.5)], Red) { LineWidth = 0, Marker = MarkerShape.Square, MarkerSize = 5 });

        var canvas = new Canvas(400, 300, Rgb.White);
        var plot = chart.Draw(canvas, canvas.Bounds).Plot;
        var png = PngReader.Read(canvas.ToPng());

        // A quarter of the way across, three quarters of the way up.
        var x = (int)(plot.Left + 0.25 * plot.Width);
        var y = (int)(plot.Bottom - 0.75 * plot.Height);
        Assert.Equal((Red.R, Red.G, Red.B), png.Pixel(x, y));
        Assert.NotEqual((Red.R, Red.G, Red.B), png.Pixel(x + 6, y));
        Assert.NotEqual((Red.R, Red.G, Red.B), png.Pixel(x, y - 6));
        // The frame is drawn just outside the plot area the point was placed in.
        Assert.Equal((Chart.Frame.R, Chart.Frame.G, Chart.Frame.B), png.Pixel(plot.Left - 1, plot.Top + plot.Height / 3));
        Assert.Equal((Chart.Frame.R, Chart.Frame.G, Chart.Frame.B), png.Pixel(plot.Right, plot.Top + plot.Height / 3));
    }

    [Fact]
    public void On_a_log_axis_a_point_at_10_between_1_and_100_lands_in_the_middle()
    {
        var chart = new Chart
        {
            X = new Axis { Scale = AxisScale.Log, Min = 1, Max = 100 },
            Y = new Axis { Scale = AxisScale.Log, Min = 1, Max = 1000 },
        };
        chart.Series.Add(new Series("point", [(10, 100)], Red) { LineWidth = 0, Marker = MarkerShape.Square, MarkerSize = 5 });

        var canvas = new Canvas(300, 300, Rgb.White);
        var plot = chart.Draw(canvas, canvas.Bounds).Plot;

        var x = (int)(plot.Left + 0.5 * plot.Width);
        var y = (int)(plot.Bottom - 2.0 / 3 * plot.Height);
        Assert.Equal(Red, canvas[x, y]);
    }

    [Fact]
    public void A_line_outside_the_axes_is_clipped_to_the_plot()
    {
        var chart = new Chart { X = new Axis { Min = 0, Max = 10 }, Y = new Axis { Min = 0, Max = 10 } };
        chart.Series.Add(new Series("line", [(0, 5), (30, 5)], Red) { Marker = MarkerShape.None, LineWidth = 3 });

        var canvas = new Canvas(300, 200, Rgb.White);
        var plot = chart.Draw(canvas, canvas.Bounds).Plot;

        var y = (int)(plot.Bottom - 0.5 * plot.Height);
        Assert.Equal(Red, canvas[plot.Left + plot.Width / 2, y]);
        Assert.Equal(Red, canvas[plot.Right - 1, y]);
        Assert.NotEqual(Red, canvas[plot.Right + 3, y]);
    }

    [Fact]
    public void The_legend_names_every_series_below_the_plot()
    {
        var chart = new Chart { X = new Axis { Min = 0, Max = 1 }, Y = new Axis { Min = 0, Max = 1 } };
        chart.Series.Add(new Series("server", [(0.5, 0.5)], Red));
        chart.Series.Add(new Series("baseline", [(0.5, 0.25)], Rgb.Black) { Dash = Series.Dashed });

        var canvas = new Canvas(400, 300, Rgb.White);
        var layout = chart.Draw(canvas, canvas.Bounds);

        Assert.Equal(["server", "baseline"], layout.LegendRows.SelectMany(r => r).Select(s => s.Name));
        var below = new PixelRect(0, layout.Plot.Bottom + 1, canvas.Width, canvas.Height - layout.Plot.Bottom - 1);
        Assert.True(Count(canvas, below, Red) > 0, "the legend shows the server's colour under the plot");
    }

    private static int Count(Canvas canvas, PixelRect rect, Rgb color)
    {
        var n = 0;
        for (var y = rect.Top; y < rect.Bottom; y++)
        {
            for (var x = rect.Left; x < rect.Right; x++)
            {
                if (canvas[x, y] == color)
                {
                    n++;
                }
            }
        }
        return n;
    }
}
