using System.Globalization;
using System.Text.Json;

namespace Fkj.Cdr.Fhir.Resources;

/// <summary>
/// A primitive or Coding value of a <c>value[x]</c> element: <see cref="Type"/> is the FHIR type name that follows
/// "value" in JSON (<c>String</c>, <c>Code</c>, <c>Uri</c>, <c>Boolean</c>, <c>Integer</c>, <c>DateTime</c>,
/// <c>Coding</c>).
/// </summary>
public sealed record FhirValue(string Type, string? Text = null, bool? Boolean = null, long? Integer = null, Coding? Coding = null)
{
    public static FhirValue String(string value) => new("String", Text: value);

    public static FhirValue Code(string value) => new("Code", Text: value);

    public static FhirValue Uri(string value) => new("Uri", Text: value);

    public static FhirValue DateTime(string value) => new("DateTime", Text: value);

    public static FhirValue Of(bool value) => new("Boolean", Boolean: value);

    public static FhirValue Of(long value) => new("Integer", Integer: value);

    public static FhirValue Of(Coding value) => new("Coding", Coding: value);

    /// <summary>A decimal as its JSON number text; null when the text is not a JSON number.</summary>
    public static FhirValue? Decimal(string text) =>
        System.Text.RegularExpressions.Regex.IsMatch(text, @"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$") ? new("Decimal", Text: text) : null;

    /// <summary>The value as text, as a query parameter would carry it (a Coding gives its code).</summary>
    public string? AsText() => Type switch
    {
        "Boolean" => Boolean is { } b ? (b ? "true" : "false") : null,
        "Integer" => Integer?.ToString(CultureInfo.InvariantCulture),
        "Coding" => Coding?.Code,
        _ => Text,
    };

    /// <summary>Writes <c>"valueX": ...</c> as a property of the object being written.</summary>
    public void WriteProperty(Utf8JsonWriter writer)
    {
        var name = "value" + Type;
        switch (Type)
        {
            case "Boolean":
                writer.WriteBoolean(name, Boolean ?? false);
                break;
            case "Integer":
                writer.WriteNumber(name, Integer ?? 0);
                break;
            case "Coding":
                writer.WritePropertyName(name);
                Coding!.Write(writer);
                break;
            case "Decimal":
                // As written (a FHIR decimal keeps its precision): only a JSON number gets here.
                writer.WritePropertyName(name);
                writer.WriteRawValue(Text!);
                break;
            default:
                writer.WriteString(name, Text);
                break;
        }
    }
}
