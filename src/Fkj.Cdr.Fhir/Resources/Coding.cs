using System.Text.Json;

namespace Fkj.Cdr.Fhir.Resources;

/// <summary>The FHIR Coding data type (system, version, code, display).</summary>
public sealed record Coding(string? System, string? Code, string? Display = null, string? Version = null)
{
    public void Write(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        if (System is not null) writer.WriteString("system", System);
        if (Version is not null) writer.WriteString("version", Version);
        if (Code is not null) writer.WriteString("code", Code);
        if (Display is not null) writer.WriteString("display", Display);
        writer.WriteEndObject();
    }
}
