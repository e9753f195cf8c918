using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Fkj.Cdr.Templates.WebTemplates.Building;

namespace Fkj.Cdr.Templates.WebTemplates;

/// <summary>
/// Writes a web template as the JSON the openEHR SDK and EHRbase serve: empty values left out,
/// properties in the SDK's order, reals as Java writes them (<c>0.0</c>), numeric defaults as numbers.
/// <see cref="ToUtf8Bytes"/> escapes only what JSON requires, as Jackson does (<c>&gt;=</c>, not <c>\u003E=</c>).
/// </summary>
public static partial class WebTemplateJson
{
    public static void Write(Utf8JsonWriter writer, WebTemplate template)
    {
        writer.WriteStartObject();
        writer.WriteString("templateId", template.TemplateId);
        writer.WriteString("version", template.Version);
        writer.WriteString("defaultLanguage", template.DefaultLanguage);
        writer.WriteStartArray("languages");
        foreach (var language in template.Languages) writer.WriteStringValue(language);
        writer.WriteEndArray();
        writer.WritePropertyName("tree");
        WriteNode(writer, template.Tree);
        writer.WriteEndObject();
    }

    public static byte[] ToUtf8Bytes(WebTemplate template, bool indented = false)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(writer, template);
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static string ToJson(WebTemplate template, bool indented = false) =>
        System.Text.Encoding.UTF8.GetString(ToUtf8Bytes(template, indented));

    private static void WriteNode(Utf8JsonWriter writer, WebTemplateNode node)
    {
        writer.WriteStartObject();
        writer.WriteString("id", node.Id);
        WriteIfPresent(writer, "name", node.Name);
        WriteIfPresent(writer, "localizedName", node.LocalizedName);
        writer.WriteString("rmType", node.RmType);
        WriteIfPresent(writer, "nodeId", node.NodeId);
        writer.WriteNumber("min", node.Min);
        writer.WriteNumber("max", node.Max);
        WriteMap(writer, "localizedNames", node.LocalizedNames);
        WriteMap(writer, "localizedDescriptions", node.LocalizedDescriptions);
        WriteIfPresent(writer, "aqlPath", node.AqlPath);
        if (node.Children.Count > 0)
        {
            writer.WriteStartArray("children");
            foreach (var child in node.Children) WriteNode(writer, child);
            writer.WriteEndArray();
        }

        if (node.Inputs.Count > 0)
        {
            writer.WriteStartArray("inputs");
            foreach (var input in node.Inputs) WriteInput(writer, input);
            writer.WriteEndArray();
        }

        if (node.InContext is { } inContext) writer.WriteBoolean("inContext", inContext);
        WriteTermBindings(writer, node.TermBindings);
        if (node.DependsOn.Count > 0)
        {
            writer.WriteStartArray("dependsOn");
            foreach (var id in node.DependsOn) writer.WriteStringValue(id);
            writer.WriteEndArray();
        }

        if (node.Annotations is { Count: > 0 } annotations) WriteMap(writer, "annotations", annotations);
        if (node.ProportionTypes.Count > 0)
        {
            writer.WriteStartArray("proportionTypes");
            foreach (var type in node.ProportionTypes) writer.WriteStringValue(type);
            writer.WriteEndArray();
        }

        if (node.Cardinalities.Count > 0)
        {
            writer.WriteStartArray("cardinalities");
            foreach (var cardinality in node.Cardinalities)
            {
                writer.WriteStartObject();
                if (cardinality.Min is { } min) writer.WriteNumber("min", min);
                if (cardinality.Max is { } max) writer.WriteNumber("max", max);
                writer.WriteStartArray("ids");
                foreach (var id in cardinality.Ids) writer.WriteStringValue(id);
                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WriteInput(Utf8JsonWriter writer, WebTemplateInput input)
    {
        writer.WriteStartObject();
        WriteIfPresent(writer, "suffix", input.Suffix);
        writer.WriteString("type", input.Type);
        if (input.List.Count > 0)
        {
            writer.WriteStartArray("list");
            foreach (var value in input.List) WriteValue(writer, value);
            writer.WriteEndArray();
        }

        if (input.ListOpen is { } listOpen) writer.WriteBoolean("listOpen", listOpen);
        WriteValidation(writer, input.Validation);
        WriteIfPresent(writer, "terminology", input.Terminology);
        if (!string.IsNullOrEmpty(input.DefaultValue))
        {
            writer.WritePropertyName("defaultValue");
            if (JsonNumber().IsMatch(input.DefaultValue)) writer.WriteRawValue(input.DefaultValue);
            else writer.WriteStringValue(input.DefaultValue);
        }

        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, WebTemplateInputValue value)
    {
        writer.WriteStartObject();
        writer.WriteString("value", value.Value);
        WriteIfPresent(writer, "label", value.Label);
        WriteMap(writer, "localizedLabels", value.LocalizedLabels);
        WriteMap(writer, "localizedDescriptions", value.LocalizedDescriptions);
        WriteTermBindings(writer, value.TermBindings);
        if (value.Ordinal is { } ordinal) writer.WriteNumber("ordinal", ordinal);
        else if (value.ScaleValue is { } scale) writer.WriteNumber("ordinal", scale);
        if (value.CurrentStates.Count > 0)
        {
            writer.WriteStartArray("currentStates");
            foreach (var state in value.CurrentStates) writer.WriteStringValue(state);
            writer.WriteEndArray();
        }

        WriteValidation(writer, value.Validation);
        writer.WriteEndObject();
    }

    private static void WriteValidation(Utf8JsonWriter writer, WebTemplateValidation? validation)
    {
        if (validation is null || (validation.Range is null && validation.Precision is null && string.IsNullOrEmpty(validation.Pattern))) return;
        writer.WriteStartObject("validation");
        WriteInterval(writer, "precision", validation.Precision);
        WriteInterval(writer, "range", validation.Range);
        WriteIfPresent(writer, "pattern", validation.Pattern);
        writer.WriteEndObject();
    }

    private static void WriteInterval(Utf8JsonWriter writer, string name, WebTemplateInterval? interval)
    {
        if (interval is null) return;
        writer.WriteStartObject(name);
        if (interval.Min is { } min)
        {
            writer.WritePropertyName("min");
            WriteNumber(writer, min, interval.IsInteger);
            writer.WriteString("minOp", interval.MinOp);
        }

        if (interval.Max is { } max)
        {
            writer.WritePropertyName("max");
            WriteNumber(writer, max, interval.IsInteger);
            writer.WriteString("maxOp", interval.MaxOp);
        }

        writer.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter writer, double value, bool isInteger)
    {
        if (isInteger && Math.Abs(value) < 9e15 && value == Math.Floor(value)) writer.WriteNumberValue((long)value);
        else if (double.IsFinite(value)) writer.WriteRawValue(Inputs.JavaDouble(value));
        else writer.WriteStringValue(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static void WriteTermBindings(Utf8JsonWriter writer, IReadOnlyDictionary<string, WebTemplateTermBinding> bindings)
    {
        if (bindings.Count == 0) return;
        writer.WriteStartObject("termBindings");
        foreach (var (terminology, binding) in bindings)
        {
            writer.WriteStartObject(terminology);
            writer.WriteString("value", binding.Value);
            writer.WriteString("terminologyId", binding.TerminologyId);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteMap(Utf8JsonWriter writer, string name, IReadOnlyDictionary<string, string> map)
    {
        if (map.Count == 0) return;
        writer.WriteStartObject(name);
        foreach (var (key, value) in map) writer.WriteString(key, value);
        writer.WriteEndObject();
    }

    private static void WriteIfPresent(Utf8JsonWriter writer, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value)) writer.WriteString(name, value);
    }

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$")]
    private static partial Regex JsonNumber();
}
