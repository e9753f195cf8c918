using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fkj.Cdr.Templates.Tests.Flat;

/// <summary>
/// STRUCTURED → FLAT keys as the openEHR SDK's StructuredHelper spells it, written independently of the decoder
/// so that the key comparison of STRUCTURED documents does not use the code under test: object keys are path
/// segments (<c>|x</c> a suffix), array elements the occurrences <c>:1</c>, <c>:2</c>, … (the first without index).
/// </summary>
internal static class StructuredToFlat
{
    public static JsonElement Convert(JsonElement structured)
    {
        var flat = new JsonObject();
        Walk(structured, "", flat);
        return JsonDocument.Parse(flat.ToJsonString()).RootElement.Clone();
    }

    private static void Walk(JsonElement element, string path, JsonObject flat)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var next = property.Name.StartsWith('|') || path.Length == 0 ? path + property.Name
                        : property.Name.Length == 0 ? path
                        : $"{path}/{property.Name}";
                    Walk(property.Value, next, flat);
                }

                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, i == 0 ? path : $"{path}:{i}", flat);
                    i++;
                }

                break;
            default:
                flat[path] = JsonNode.Parse(element.GetRawText());
                break;
        }
    }
}
