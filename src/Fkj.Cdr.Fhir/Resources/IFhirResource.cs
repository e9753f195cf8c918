using System.Text.Json;

namespace Fkj.Cdr.Fhir.Resources;

/// <summary>A FHIR resource that writes itself as R4 JSON, <c>resourceType</c> first.</summary>
public interface IFhirResource
{
    string ResourceType { get; }

    void Write(Utf8JsonWriter writer);
}
