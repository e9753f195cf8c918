using System.Xml;
using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.Codecs.Xml;

/// <summary>
/// Writes RM objects as canonical XML (openEHR ITS-XML) with <see cref="XmlWriter"/>, driven by
/// <see cref="RmType"/> metadata: one child element per attribute in schema sequence order, list
/// items as repeated elements, archetype_node_id as an XML attribute. xsi:type is written where a
/// reader needs it, i.e. where the value's type is not the declared one or the declared type is
/// abstract, and always on the element the caller asks for, which also declares the namespaces.
/// </summary>
internal static class CanonicalXmlEncoder
{
    private const string XsiPrefix = "xsi";

    public static void Write(XmlWriter writer, RmObject value, string elementName)
    {
        var declareDefault = writer.LookupPrefix(XmlShape.Namespace) != "";
        writer.WriteStartElement(elementName, XmlShape.Namespace);
        // Stated explicitly so that the declarations come first, as people write them.
        if (declareDefault) writer.WriteAttributeString("xmlns", XmlShape.XmlnsNamespace, XmlShape.Namespace);
        if (writer.LookupPrefix(XmlShape.XsiNamespace) is null)
            writer.WriteAttributeString("xmlns", XsiPrefix, XmlShape.XmlnsNamespace, XmlShape.XsiNamespace);
        WriteContent(writer, value, null);
        writer.WriteEndElement();
    }

    private static void WriteElement(XmlWriter writer, string name, RmObject value, RmType declared)
    {
        writer.WriteStartElement(name, XmlShape.Namespace);
        WriteContent(writer, value, declared);
        writer.WriteEndElement();
    }

    private static void WriteContent(XmlWriter writer, RmObject value, RmType? declared)
    {
        var type = value.RmType;
        if (declared is null || declared.IsAbstract || !ReferenceEquals(type, declared))
            writer.WriteAttributeString(XsiPrefix, "type", XmlShape.XsiNamespace, type.Name);

        var attributes = type.Attributes;
        foreach (var attribute in attributes)
        {
            if (XmlShape.IsXmlAttribute(attribute) && attribute.GetText!(value) is { } nodeId)
                writer.WriteAttributeString(attribute.Name, nodeId);
        }

        foreach (var attribute in attributes)
        {
            switch (attribute.Kind)
            {
                case RmAttributeKind.Text:
                    if (!XmlShape.IsXmlAttribute(attribute) && attribute.GetText!(value) is { } text)
                        writer.WriteElementString(attribute.Name, XmlShape.Namespace, text);
                    break;
                case RmAttributeKind.Boolean:
                    if (attribute.GetBoolean!(value) is { } flag)
                        writer.WriteElementString(attribute.Name, XmlShape.Namespace, flag ? "true" : "false");
                    break;
                case RmAttributeKind.Integer:
                    if (attribute.GetInteger!(value) is { } integer)
                    {
                        writer.WriteStartElement(attribute.Name, XmlShape.Namespace);
                        writer.WriteValue(integer);
                        writer.WriteEndElement();
                    }

                    break;
                case RmAttributeKind.Real:
                    if (attribute.GetReal!(value) is { } real)
                    {
                        // XmlConvert's shortest round-trip form: 120, 0.1, 1E+20, as the JSON writer does.
                        writer.WriteStartElement(attribute.Name, XmlShape.Namespace);
                        writer.WriteValue(real);
                        writer.WriteEndElement();
                    }

                    break;
                case RmAttributeKind.Object:
                    if (attribute.GetObject!(value) is { } child)
                        WriteElement(writer, attribute.Name, child, attribute.ValueType!);
                    break;
                case RmAttributeKind.List:
                    // XML has no empty list: repeated elements, none when the list is empty.
                    if (attribute.GetList!(value) is { } list)
                    {
                        foreach (RmObject item in list) WriteElement(writer, attribute.Name, item, attribute.ValueType!);
                    }

                    break;
            }
        }
    }
}
