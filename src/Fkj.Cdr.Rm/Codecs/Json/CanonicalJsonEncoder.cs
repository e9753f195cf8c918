using System.Text.Json;
using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.Codecs.Json;

/// <summary>
/// Writes RM objects as canonical JSON with <see cref="Utf8JsonWriter"/>, driven by <see cref="RmType"/>
/// metadata. Every object gets its <c>_type</c> first: the specification lets a writer omit it for a
/// concrete declared type, but clients (and AQL results) are simpler when it is always there.
/// </summary>
internal static class CanonicalJsonEncoder
{
    private static readonly JsonEncodedText TypeProperty = JsonEncodedText.Encode("_type");

    public static void Write(Utf8JsonWriter writer, RmObject value)
    {
        var type = value.RmType;
        writer.WriteStartObject();
        writer.WriteString(TypeProperty, type.JsonName);
        foreach (var attribute in type.AttributeSpan)
        {
            switch (attribute.Kind)
            {
                case RmAttributeKind.Text:
                    if (attribute.GetText!(value) is { } text) writer.WriteString(attribute.JsonName, text);
                    break;
                case RmAttributeKind.Boolean:
                    if (attribute.GetBoolean!(value) is { } flag) writer.WriteBoolean(attribute.JsonName, flag);
                    break;
                case RmAttributeKind.Integer:
                    if (attribute.GetInteger!(value) is { } integer) writer.WriteNumber(attribute.JsonName, integer);
                    break;
                case RmAttributeKind.Real:
                    if (attribute.GetReal!(value) is { } real) writer.WriteNumber(attribute.JsonName, real);
                    break;
                case RmAttributeKind.Object:
                    if (attribute.GetObject!(value) is { } child)
                    {
                        writer.WritePropertyName(attribute.JsonName);
                        Write(writer, child);
                    }

                    break;
                case RmAttributeKind.List:
                    if (attribute.GetList!(value) is { } list)
                    {
                        writer.WriteStartArray(attribute.JsonName);
                        for (var i = 0; i < list.Count; i++) Write(writer, (RmObject)list[i]!);
                        writer.WriteEndArray();
                    }

                    break;
            }
        }

        writer.WriteEndObject();
    }
}
