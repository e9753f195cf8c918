using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;

namespace Fkj.Cdr.Benchmarks.Reporting;

/// <summary>
/// Writes <c>results/{title}-fkj.json</c>: per benchmark its class, method, whether it is the class's baseline, the
/// median, mean and standard deviation in nanoseconds and the bytes allocated per operation. BenchmarkDotNet's own
/// JSON leaves out which method is the baseline; <c>./fkj bench</c> reads this file to put each figure beside it.
/// </summary>
public sealed class SummaryJsonExporter : ExporterBase
{
    public static SummaryJsonExporter Default { get; } = new();

    protected override string FileExtension => "json";

    protected override string FileCaption => "fkj";

    public override void ExportToLog(Summary summary, ILogger logger)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("title", summary.Title);
            json.WriteString("runtime", summary.HostEnvironmentInfo.RuntimeVersion);
            json.WriteStartArray("benchmarks");
            foreach (var report in summary.Reports)
            {
                var descriptor = report.BenchmarkCase.Descriptor;
                json.WriteStartObject();
                json.WriteString("type", descriptor.Type.Name);
                json.WriteString("namespace", descriptor.Type.Namespace);
                json.WriteString("method", descriptor.WorkloadMethod.Name);
                json.WriteBoolean("baseline", descriptor.Baseline);
                json.WriteString("job", report.BenchmarkCase.Job.ResolvedId);
                if (report.ResultStatistics is { } statistics)
                {
                    json.WriteNumber("medianNs", statistics.Median);
                    json.WriteNumber("meanNs", statistics.Mean);
                    json.WriteNumber("stdDevNs", statistics.StandardDeviation);
                    json.WriteNumber("iterations", statistics.N);
                }
                if (report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) is { } allocated)
                {
                    json.WriteNumber("allocatedBytes", allocated);
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        logger.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
