using System.Text.Json;

namespace Fkj.Cdr.Fhir.Resources;

/// <summary>A designation of an expansion entry: language, use (a Coding) and the term.</summary>
public sealed record Designation(string? Language, Coding? Use, string Value);

/// <summary>One <c>ValueSet.expansion.contains</c> entry.</summary>
public sealed record ExpansionEntry(string System, string Code, string? Display, bool Inactive = false)
{
    public IReadOnlyList<Designation>? Designations { get; init; }
}

/// <summary>
/// The FHIR R4 <c>ValueSet</c> resource as an expansion answers it: url, status, and the expansion (identifier,
/// timestamp, total, offset, the parameters that shaped it, the entries).
/// </summary>
public sealed class ValueSet : IFhirResource
{
    public string ResourceType => "ValueSet";

    public required string Url { get; init; }

    public string Status { get; init; } = "active";

    public string Identifier { get; init; } = "urn:uuid:" + Guid.NewGuid();

    public DateTimeOffset Timestamp { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>The number of codes in the whole expansion; null when not known (a filtered page that is full).</summary>
    public long? Total { get; init; }

    public long? Offset { get; init; }

    public IReadOnlyList<Parameter> Parameters { get; init; } = [];

    public IReadOnlyList<ExpansionEntry> Contains { get; init; } = [];

    public void Write(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("resourceType", ResourceType);
        writer.WriteString("url", Url);
        writer.WriteString("status", Status);
        writer.WriteStartObject("expansion");
        writer.WriteString("identifier", Identifier);
        writer.WriteString("timestamp", Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"));
        if (Total is { } total) writer.WriteNumber("total", total);
        if (Offset is { } offset) writer.WriteNumber("offset", offset);
        if (Parameters.Count > 0)
        {
            writer.WriteStartArray("parameter");
            foreach (var p in Parameters)
            {
                writer.WriteStartObject();
                writer.WriteString("name", p.Name);
                p.Value?.WriteProperty(writer);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (Contains.Count > 0)
        {
            writer.WriteStartArray("contains");
            foreach (var entry in Contains) WriteEntry(writer, entry);
            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteEntry(Utf8JsonWriter writer, ExpansionEntry entry)
    {
        writer.WriteStartObject();
        writer.WriteString("system", entry.System);
        if (entry.Inactive) writer.WriteBoolean("inactive", true);
        writer.WriteString("code", entry.Code);
        if (entry.Display is not null) writer.WriteString("display", entry.Display);
        if (entry.Designations is { Count: > 0 } designations)
        {
            writer.WriteStartArray("designation");
            foreach (var d in designations)
            {
                writer.WriteStartObject();
                if (d.Language is not null) writer.WriteString("language", d.Language);
                if (d.Use is not null)
                {
                    writer.WritePropertyName("use");
                    d.Use.Write(writer);
                }

                writer.WriteString("value", d.Value);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }
}
