namespace Fkj.Cdr.Fhir;

/// <summary>The media types of FHIR R4 JSON.</summary>
public static class FhirMediaTypes
{
    public const string Json = "application/fhir+json";

    /// <summary>With the charset, as a response's Content-Type.</summary>
    public const string JsonUtf8 = "application/fhir+json; charset=utf-8";
}
