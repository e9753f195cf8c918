using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Fkj.Cdr.Load.Reporting;

/// <summary>Writes a run as <c>load-{time}.json</c> and <c>load-{time}.md</c> into the output directory.</summary>
public static class ReportFiles
{
    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>Writes both files; returns their paths (JSON, markdown).</summary>
    public static (string Json, string Markdown) Write(LoadReport report, string directory)
    {
        Directory.CreateDirectory(directory);
        var stem = Path.Combine(directory, $"load-{report.StartedAt.UtcDateTime:yyyyMMdd-HHmmss}");
        var json = stem + ".json";
        var markdown = stem + ".md";
        File.WriteAllText(json, JsonSerializer.Serialize(report, JsonOptions) + "\n");
        File.WriteAllText(markdown, MarkdownReport.Render(report));
        return (json, markdown);
    }
}
