using System.Text.Json;

namespace Fkj.Cdr.Fhir.Resources;

/// <summary>The FHIR R4 <c>Parameters</c> resource: the input and output of operations.</summary>
public sealed class Parameters(IReadOnlyList<Parameter> parameter) : IFhirResource
{
    public string ResourceType => "Parameters";

    public IReadOnlyList<Parameter> Parameter { get; } = parameter;

    /// <summary>The first parameter with this name, or null.</summary>
    public Parameter? Find(string name) => Parameter.FirstOrDefault(p => p.Name == name);

    public IEnumerable<Parameter> All(string name) => Parameter.Where(p => p.Name == name);

    public void Write(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("resourceType", ResourceType);
        if (Parameter.Count > 0)
        {
            writer.WriteStartArray("parameter");
            foreach (var p in Parameter) p.Write(writer);
            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }
}
