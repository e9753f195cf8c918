using System.Globalization;
using System.Text;
using Fkj.Cdr.Load.Scenarios;

namespace Fkj.Cdr.Load.Reporting;

/// <summary>The run as markdown: one table of levels (each server row beside its baseline) and one of storage.</summary>
public static class MarkdownReport
{
    public static string Render(LoadReport report)
    {
        var sb = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        sb.Append(c, $"### Load run {report.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC\n\n");
        sb.Append(c, $"- server: {report.Server}\n");
        sb.Append(c, $"- database: {report.Database}{(report.PostgresVersion is null ? "" : $", PostgreSQL {report.PostgresVersion}")}\n");
        var m = report.Machine;
        sb.Append(c, $"- machine: {m.ProcessorCount} cores{(m.CpuModel is null ? "" : $" ({m.CpuModel})")}, {m.Os}, {m.Runtime}; load average {Load(m.LoadAverageAtStart)} at start, {Load(m.LoadAverageAtEnd)} at end\n");
        sb.Append(c, $"- {report.Mode} loop; each level at most {report.RequestsPerLevel:N0} requests or {report.DurationPerLevelSeconds:0.#} s; {report.Warmup} warm-up requests per scenario and target\n");
        sb.Append(c, $"- body: {report.Composition}, {report.Variants} variants, {report.CompositionBytes:N0} bytes of compact JSON\n");
        sb.Append(c, $"- command: `{report.CommandLine}`\n\n");

        if (report.Results.Count > 0)
        {
            sb.Append("| scenario | target | level | ok | 503 (shed) | errors | ok/s | p50 ms | p95 ms | p99 ms | max ms | p50 ÷ baseline | ok/s ÷ baseline |\n");
            sb.Append("|---|---|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
            foreach (var r in report.Results)
            {
                var baseline = r.Target == ScenarioTarget.Server
                    ? report.Results.FirstOrDefault(b => b.Target == ScenarioTarget.Baseline && b.Scenario == r.Scenario && b.Level == r.Level)
                    : null;
                sb.Append(c, $"| {r.Scenario} | {r.Target} | {r.Level} | {r.Succeeded:N0} | {Shed(r)} | {Errors(r)} | {r.Throughput:N1} | ");
                sb.Append(c, $"{Ms(r.Latency.P50Ms)} | {Ms(r.Latency.P95Ms)} | {Ms(r.Latency.P99Ms)} | {Ms(r.Latency.MaxMs)} | ");
                sb.Append(Ratio(r.Latency.P50Ms, baseline?.Latency.P50Ms)).Append(" | ");
                sb.Append(Ratio(r.Throughput, baseline?.Throughput)).Append(" |\n");
            }
            sb.Append('\n');
        }

        if (report.Storage.Count > 0)
        {
            sb.Append("| scenario | target | items written | bytes before | bytes after | bytes per item |\n");
            sb.Append("|---|---|---:|---:|---:|---:|\n");
            foreach (var s in report.Storage)
            {
                sb.Append(c, $"| {s.Scenario} | {s.Target} | {s.Items:N0} | {s.BytesBefore:N0} | {s.BytesAfter:N0} | {s.BytesPerItem:N0} |\n");
            }
            sb.Append('\n');
            foreach (var s in report.Storage.Where(s => s.Items > 0 && s.GrowthByTable.Count > 1))
            {
                var tables = s.GrowthByTable
                    .OrderByDescending(t => t.Value)
                    .Select(t => string.Create(c, $"{t.Key.Replace("public.", "", StringComparison.Ordinal)} {(double)t.Value / s.Items:N0}"));
                sb.Append(c, $"Bytes per item by table ({s.Scenario}, {s.Target}): {string.Join(", ", tables)}.\n\n");
            }
        }

        foreach (var note in report.Notes)
        {
            sb.Append("- ").Append(note).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>The 503s, and how many of them said when to retry.</summary>
    private static string Shed(LevelResult r) =>
        r.Shed == 0 ? "–" : string.Create(CultureInfo.InvariantCulture, $"{r.Shed:N0} ({r.RetryAfter:N0} with Retry-After)");

    /// <summary>Every other non-2xx outcome by name; dropped (never sent) ones too, as they are the harness's.</summary>
    private static string Errors(LevelResult r)
    {
        var errors = r.Outcomes
            .Where(o => !(int.TryParse(o.Key, out var code) && code is (>= 200 and < 300) or 503))
            .Select(o => string.Create(CultureInfo.InvariantCulture, $"{o.Key}: {o.Value:N0}"))
            .ToList();
        return errors.Count == 0 ? "–" : string.Join(", ", errors);
    }

    private static string Ms(double ms) => ms.ToString(ms < 10 ? "0.00" : ms < 100 ? "0.0" : "0", CultureInfo.InvariantCulture);

    private static string Ratio(double value, double? baseline) =>
        baseline is > 0 ? (value / baseline.Value).ToString("0.00", CultureInfo.InvariantCulture) + "×" : "";

    private static string Load(double[]? load) =>
        load is null ? "?" : string.Join(" / ", load.Select(l => l.ToString("0.00", CultureInfo.InvariantCulture)));
}
