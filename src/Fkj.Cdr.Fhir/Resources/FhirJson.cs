using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Fkj.Cdr.Fhir.Resources;

/// <summary>Writes resources to bytes or text. Non-ASCII letters (æ, ø, å) are written as themselves, not escaped.</summary>
public static class FhirJson
{
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] ToUtf8(IFhirResource resource)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            resource.Write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static string ToText(IFhirResource resource) => Encoding.UTF8.GetString(ToUtf8(resource));
}
