using Fkj.Cdr.Load.Reporting;
using Fkj.Cdr.Load.Reporting.Plots;

namespace Fkj.Cdr.Load.Bench;

/// <summary>
/// The report's PNG figures. In every figure the server is drawn solid with filled markers and its in-run baseline
/// dashed with open circles; latency percentiles have one colour each (p50 blue, p95 orange, p99 red).
/// </summary>
public static class BenchFigures
{
    public static Rgb P50 { get; } = Rgb.Parse("#1f77b4");

    public static Rgb P95 { get; } = Rgb.Parse("#ff7f0e");

    public static Rgb P99 { get; } = Rgb.Parse("#d62728");

    public static Rgb Server { get; } = Rgb.Parse("#1f77b4");

    public static Rgb Baseline { get; } = Rgb.Parse("#6b6b6b");

    public static Rgb Shed { get; } = Rgb.Parse("#d62728");

    private const int PanelWidth = 640;
    private const int Height = 470;

    /// <summary>A figure's file name (in the images directory), and what it shows.</summary>
    public sealed record Written(string Name, string Caption);

    /// <summary>Draws every figure the run has data for into <paramref name="directory"/>.</summary>
    public static List<Written> Write(BenchRun run, string directory)
    {
        Directory.CreateDirectory(directory);
        var written = new List<Written>();
        void Save(string name, string caption, Canvas canvas)
        {
            File.WriteAllBytes(Path.Combine(directory, name), canvas.ToPng());
            written.Add(new Written(name, caption));
        }

        foreach (var scenario in new[] { "commit", "read" })
        {
            if (Concurrency(run.Concurrency?.Report, scenario) is { } figure)
            {
                Save($"concurrency-{scenario}.png", $"{scenario}: throughput and latency against clients, server beside its baseline", figure);
            }
        }
        if (Sizes(run.Sizes?.Report) is { } sizes)
        {
            Save("database-size.png", "commit and read latency against the number of compositions stored, server beside its baseline", sizes);
        }
        if (Saturation(run.Saturation?.Report) is { } saturation)
        {
            Save("saturation.png", "open loop past saturation: accepted throughput, 503s and p99 of accepted commits against the offered rate", saturation);
        }
        return written;
    }

    public static Canvas? Concurrency(LoadReport? report, string scenario)
    {
        var server = BenchSeries.Server(report, scenario).Where(r => r.Clients is not null).ToList();
        if (server.Count == 0)
        {
            return null;
        }
        var baseline = BenchSeries.Baseline(report, scenario).Where(r => r.Clients is not null).ToList();
        var clients = server.Select(r => (double)r.Clients!.Value).Union(baseline.Select(r => (double)r.Clients!.Value)).Order().ToList();
        var x = new Axis { Label = "clients (closed loop)", Scale = AxisScale.Log, Ticks = clients };

        var throughput = new Chart { Title = $"{scenario}: throughput", X = x, Y = new Axis { Label = "requests/s (2xx)" } };
        throughput.Series.Add(new Series("server", Points(server, r => r.Clients!.Value, r => r.Throughput), Server) { Marker = MarkerShape.Circle });
        if (baseline.Count > 0)
        {
            throughput.Series.Add(new Series("baseline", Points(baseline, r => r.Clients!.Value, r => r.Throughput), Baseline)
                { Dash = Series.Dashed, Marker = MarkerShape.OpenCircle });
        }

        var latency = new Chart { Title = $"{scenario}: latency", X = x, Y = new Axis { Label = "ms", Scale = AxisScale.Log } };
        AddPercentiles(latency, server, baseline, r => r.Clients!.Value, withP99: true);
        return Figure.Render(PanelWidth, Height, throughput, latency);
    }

    public static Canvas? Sizes(LoadReport? report)
    {
        if (report is null || !report.Results.Any(r => r.DatabaseSize is not null))
        {
            return null;
        }
        var sizes = report.Results.Where(r => r.DatabaseSize is not null).Select(r => (double)r.DatabaseSize!.Value).Distinct().Order().ToList();
        var charts = new List<Chart>();
        foreach (var scenario in new[] { "commit", "read" })
        {
            var server = BenchSeries.Server(report, scenario).Where(r => r.DatabaseSize is not null).ToList();
            if (server.Count == 0)
            {
                continue;
            }
            var baseline = BenchSeries.Baseline(report, scenario).Where(r => r.DatabaseSize is not null).ToList();
            var clients = server[0].Clients ?? 1;
            var chart = new Chart
            {
                Title = $"{scenario} latency, {clients} {(clients == 1 ? "client" : "clients")}",
                X = new Axis { Label = "compositions stored", Ticks = sizes },
                Y = new Axis { Label = "ms", Scale = AxisScale.Log },
            };
            AddPercentiles(chart, server, baseline, r => r.DatabaseSize!.Value, withP99: false);
            charts.Add(chart);
        }
        return charts.Count == 0 ? null : Figure.Render(PanelWidth, Height, charts);
    }

    public static Canvas? Saturation(LoadReport? report)
    {
        var server = BenchSeries.Server(report, "commit").Where(r => r.TargetRate is not null).ToList();
        if (server.Count == 0)
        {
            return null;
        }
        var baseline = BenchSeries.Baseline(report, "commit").Where(r => r.TargetRate is not null).ToList();
        var rates = server.Select(r => r.TargetRate!.Value).Order().ToList();
        var x = new Axis { Label = "offered commits/s (open loop)", Scale = AxisScale.Log, Ticks = rates };

        var throughput = new Chart { Title = "commit past saturation: throughput", X = x, Y = new Axis { Label = "requests/s" } };
        throughput.Series.Add(new Series("offered", rates.Select(r => (r, r)).ToList(), Rgb.Parse("#bbbbbb")) { Marker = MarkerShape.None, LineWidth = 1.5 });
        throughput.Series.Add(new Series("server 2xx/s", Points(server, r => r.TargetRate!.Value, r => r.Throughput), Server));
        throughput.Series.Add(new Series("server 503/s", Points(server, r => r.TargetRate!.Value, r => r.ShedPerSecond), Shed) { Marker = MarkerShape.Square });
        if (baseline.Count > 0)
        {
            throughput.Series.Add(new Series("baseline ok/s", Points(baseline, r => r.TargetRate!.Value, r => r.Throughput), Baseline)
                { Dash = Series.Dashed, Marker = MarkerShape.OpenCircle });
        }

        var latency = new Chart { Title = "commit past saturation: latency of accepted", X = x, Y = new Axis { Label = "ms", Scale = AxisScale.Log } };
        latency.Series.Add(new Series("server p50", Points(server, r => r.TargetRate!.Value, r => r.Latency.P50Ms), P50));
        latency.Series.Add(new Series("server p99", Points(server, r => r.TargetRate!.Value, r => r.Latency.P99Ms), P99) { Marker = MarkerShape.Diamond });
        if (baseline.Count > 0)
        {
            latency.Series.Add(new Series("baseline p50", Points(baseline, r => r.TargetRate!.Value, r => r.Latency.P50Ms), P50)
                { Dash = Series.Dashed, Marker = MarkerShape.OpenCircle });
            latency.Series.Add(new Series("baseline p99", Points(baseline, r => r.TargetRate!.Value, r => r.Latency.P99Ms), P99)
                { Dash = Series.Dashed, Marker = MarkerShape.OpenCircle });
        }
        return Figure.Render(PanelWidth, Height, throughput, latency);
    }

    private static void AddPercentiles(Chart chart, IReadOnlyList<LevelResult> server, IReadOnlyList<LevelResult> baseline, Func<LevelResult, double> x, bool withP99)
    {
        chart.Series.Add(new Series("server p50", Points(server, x, r => r.Latency.P50Ms), P50));
        chart.Series.Add(new Series("server p95", Points(server, x, r => r.Latency.P95Ms), P95) { Marker = MarkerShape.Square });
        if (withP99)
        {
            chart.Series.Add(new Series("server p99", Points(server, x, r => r.Latency.P99Ms), P99) { Marker = MarkerShape.Diamond });
        }
        if (baseline.Count == 0)
        {
            return;
        }
        chart.Series.Add(new Series("baseline p50", Points(baseline, x, r => r.Latency.P50Ms), P50) { Dash = Series.Dashed, Marker = MarkerShape.OpenCircle });
        chart.Series.Add(new Series("baseline p95", Points(baseline, x, r => r.Latency.P95Ms), P95) { Dash = Series.Dashed, Marker = MarkerShape.OpenCircle });
        if (withP99)
        {
            chart.Series.Add(new Series("baseline p99", Points(baseline, x, r => r.Latency.P99Ms), P99) { Dash = Series.Dashed, Marker = MarkerShape.OpenCircle });
        }
    }

    /// <summary>Points of the levels that had successes (a level with none has no latency to show).</summary>
    private static List<(double X, double Y)> Points(IEnumerable<LevelResult> levels, Func<LevelResult, double> x, Func<LevelResult, double> y) =>
        levels.Where(r => r.Succeeded > 0 || y(r) > 0).Select(r => (x(r), y(r))).OrderBy(p => p.Item1).ToList();
}
