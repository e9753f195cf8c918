using System.Text.Json;

namespace Fkj.Cdr.Fhir.Resources;

/// <summary>
/// Reads a POSTed <c>Parameters</c> resource. Primitive values of every FHIR type are kept as text with their type,
/// Codings and CodeableConcepts as codings, parts recursively; an embedded resource is not read (no operation here
/// takes one) and is refused. Anything that is not a Parameters resource is a 400.
/// </summary>
public static class ParametersReader
{
    public static Parameters Read(ReadOnlySpan<byte> utf8)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8.ToArray(), new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException e)
        {
            throw FhirException.Invalid($"The body is not JSON: {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("resourceType", out var type) || type.ValueKind != JsonValueKind.String)
            {
                throw FhirException.Invalid("The body is not a FHIR resource (no resourceType).", "resourceType");
            }

            if (type.GetString() != "Parameters")
            {
                throw FhirException.Invalid($"Expected a Parameters resource, not {type.GetString()}.", "resourceType");
            }

            var list = new List<Parameter>();
            if (root.TryGetProperty("parameter", out var parameters))
            {
                if (parameters.ValueKind != JsonValueKind.Array)
                {
                    throw FhirException.Invalid("Parameters.parameter must be an array.", "Parameters.parameter");
                }

                var i = 0;
                foreach (var p in parameters.EnumerateArray())
                {
                    list.Add(ReadParameter(p, $"Parameters.parameter[{i++}]"));
                }
            }

            return new Parameters(list);
        }
    }

    private static Parameter ReadParameter(JsonElement element, string at)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("name", out var nameElement) || nameElement.ValueKind != JsonValueKind.String)
        {
            throw FhirException.Invalid("A parameter must be an object with a name.", at);
        }

        var name = nameElement.GetString()!;
        FhirValue? value = null;
        IReadOnlyList<Coding>? concept = null;
        List<Parameter>? parts = null;
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name == "resource")
            {
                throw FhirException.Invalid($"Parameter '{name}': a resource is not supported here.", at + ".resource");
            }

            if (property.Name == "part")
            {
                if (property.Value.ValueKind != JsonValueKind.Array)
                {
                    throw FhirException.Invalid($"Parameter '{name}': part must be an array.", at + ".part");
                }

                parts = [];
                var i = 0;
                foreach (var part in property.Value.EnumerateArray())
                {
                    parts.Add(ReadParameter(part, $"{at}.part[{i++}]"));
                }
            }
            else if (property.Name.StartsWith("value", StringComparison.Ordinal) && property.Name.Length > 5)
            {
                var type = property.Name[5..];
                var path = $"{at}.{property.Name}";
                if (type == "CodeableConcept")
                {
                    concept = ReadCodeableConcept(property.Value, path);
                }
                else
                {
                    value = ReadValue(type, property.Value, path);
                }
            }
        }

        return new Parameter(name, value, parts) { CodeableConcept = concept };
    }

    private static FhirValue ReadValue(string type, JsonElement value, string at)
    {
        switch (type)
        {
            case "Boolean":
                return value.ValueKind is JsonValueKind.True or JsonValueKind.False
                    ? FhirValue.Of(value.GetBoolean())
                    : throw FhirException.Invalid("valueBoolean must be true or false.", at);
            case "Integer" or "PositiveInt" or "UnsignedInt":
                return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n)
                    ? new FhirValue(type, Integer: n)
                    : throw FhirException.Invalid($"value{type} must be an integer.", at);
            case "Decimal":
                return value.ValueKind == JsonValueKind.Number
                    ? new FhirValue(type, Text: value.GetRawText())
                    : throw FhirException.Invalid("valueDecimal must be a number.", at);
            case "Coding":
                return value.ValueKind == JsonValueKind.Object
                    ? FhirValue.Of(ReadCoding(value, at))
                    : throw FhirException.Invalid("valueCoding must be an object.", at);
            default:
                return value.ValueKind == JsonValueKind.String
                    ? new FhirValue(type, Text: value.GetString())
                    : throw FhirException.Invalid($"value{type} must be a string.", at);
        }
    }

    private static IReadOnlyList<Coding> ReadCodeableConcept(JsonElement value, string at)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw FhirException.Invalid("valueCodeableConcept must be an object.", at);
        }

        var codings = new List<Coding>();
        if (value.TryGetProperty("coding", out var array) && array.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var coding in array.EnumerateArray())
            {
                codings.Add(ReadCoding(coding, $"{at}.coding[{i++}]"));
            }
        }

        return codings;
    }

    private static Coding ReadCoding(JsonElement coding, string at)
    {
        if (coding.ValueKind != JsonValueKind.Object)
        {
            throw FhirException.Invalid("A Coding must be an object.", at);
        }

        return new Coding(Text(coding, "system", at), Text(coding, "code", at), Text(coding, "display", at), Text(coding, "version", at));
    }

    private static string? Text(JsonElement element, string name, string at) =>
        !element.TryGetProperty(name, out var v) ? null
        : v.ValueKind == JsonValueKind.String ? v.GetString()
        : throw FhirException.Invalid($"{name} must be a string.", $"{at}.{name}");
}
