using System.Text.Json;

namespace Fkj.Cdr.Fhir.Resources;

/// <summary>
/// One <c>Parameters.parameter</c>: a name with a value, or with parts (a tuple such as a $lookup designation or
/// property), or with a resource. <see cref="CodeableConcept"/> holds the codings of a received
/// <c>valueCodeableConcept</c>.
/// </summary>
public sealed record Parameter(string Name, FhirValue? Value = null, IReadOnlyList<Parameter>? Parts = null)
{
    public IFhirResource? Resource { get; init; }

    public IReadOnlyList<Coding>? CodeableConcept { get; init; }

    public static Parameter Of(string name, FhirValue value) => new(name, value);

    public static Parameter Tuple(string name, params Parameter[] parts) => new(name, Parts: parts);

    public void Write(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("name", Name);
        Value?.WriteProperty(writer);
        if (CodeableConcept is { } codings)
        {
            writer.WriteStartObject("valueCodeableConcept");
            writer.WriteStartArray("coding");
            foreach (var coding in codings) coding.Write(writer);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        if (Resource is not null)
        {
            writer.WritePropertyName("resource");
            Resource.Write(writer);
        }

        if (Parts is { Count: > 0 })
        {
            writer.WriteStartArray("part");
            foreach (var part in Parts) part.Write(writer);
            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }
}
