using System.Globalization;
using System.Xml.Linq;
using Fkj.Cdr.Rm.Codecs;
using Fkj.Cdr.Rm.Codecs.Xml;
using Fkj.Cdr.Rm.DataTypes;
using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Templates.Opt.Parsing;

/// <summary>
/// Reads a <c>default_value</c>: an RM data value in canonical XML, typed by xsi:type. It is decoded
/// with the RM's canonical XML codec, so unknown attributes, wrong values and wrong types are
/// reported as they would be in a composition. Template designers, however, write defaults that are
/// deliberately partial (a DV_QUANTITY's units, a DV_PROPORTION without its type, a DV_IDENTIFIER with
/// nothing, a local DV_CODED_TEXT code without terminology_id): when the codec's only objection is
/// missing mandatory attributes, the value is read as far as it goes and the rest keeps the RM
/// class's initial values, except that a code phrase without terminology whose code is an at-code
/// is taken to be <c>local</c>.
/// </summary>
internal static class DefaultValueReader
{
    private static readonly RmType DataValue = RmModel.Get("DATA_VALUE");

    public static RmObject? Read(OptContext context, XElement element)
    {
        var typeName = OptContext.XsiType(element);
        if (typeName is null)
        {
            context.Error(OptErrorCodes.MissingType, "default_value needs an xsi:type naming its RM type", element);
            return null;
        }

        var type = RmModel.Find(typeName);
        if (type is null)
        {
            context.Error(OptErrorCodes.UnknownRmType, $"default_value: '{OptContext.Excerpt(typeName)}' is not a type of the openEHR Reference Model",
                OptContext.XsiTypeAttribute(element));
            return null;
        }

        if (!type.IsSubtypeOf(DataValue) || type.IsAbstract)
        {
            context.Error(OptErrorCodes.TypeMismatch, $"default_value must be a concrete DATA_VALUE, not {type.Name}", OptContext.XsiTypeAttribute(element));
            return null;
        }

        try
        {
            return CanonicalXml.Decode(new StringReader(element.ToString(SaveOptions.DisableFormatting)), type);
        }
        catch (RmFormatException e) when (e.Errors.All(error => error.Code == RmFormatErrorCodes.MissingAttribute))
        {
            return ReadPartial(element, type);
        }
        catch (RmFormatException e)
        {
            var (line, column) = OptContext.Position(element);
            var basePath = OptContext.XPath(element);
            foreach (var error in e.Errors.Where(error => error.Code != RmFormatErrorCodes.MissingAttribute))
            {
                // The codec saw the element alone: its first line is the element's, its root segment the element.
                var slash = error.Path.IndexOf('/', 1);
                var path = basePath + (slash > 0 ? error.Path[slash..] : "");
                var errorLine = line + error.Line - 1;
                var errorColumn = error.Line == 1 ? column : error.Column;
                context.Add(new OptError(OptErrorCodes.InvalidDefaultValue, $"default_value: {error.Message}", path, errorLine, errorColumn));
            }

            return null;
        }
    }

    /// <summary>
    /// Fills an RM object from the element as far as the element goes, by RM metadata. Only called
    /// after the codec has found nothing wrong but absent mandatory attributes, so every element and
    /// value here is known to fit.
    /// </summary>
    private static RmObject ReadPartial(XElement element, RmType type)
    {
        var target = type.Create();
        if (element.Attribute("archetype_node_id") is { } nodeId)
            type.FindAttribute("archetype_node_id")?.SetText?.Invoke(target, nodeId.Value);

        foreach (var child in element.Elements())
        {
            var name = child.Name.LocalName == "work_flow_id" ? "workflow_id" : child.Name.LocalName;
            var attribute = type.FindAttribute(name);
            if (attribute is null || IsNil(child)) continue;
            switch (attribute.Kind)
            {
                case RmAttributeKind.Text:
                    attribute.SetText!(target, child.Value);
                    break;
                case RmAttributeKind.Boolean:
                    attribute.SetBoolean!(target, child.Value.Trim() is "true" or "1");
                    break;
                case RmAttributeKind.Integer:
                    attribute.SetInteger!(target, long.Parse(child.Value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
                    break;
                case RmAttributeKind.Real:
                    attribute.SetReal!(target, double.Parse(child.Value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture));
                    break;
                case RmAttributeKind.Object:
                    if (ValueType(child, attribute) is { } objectType) attribute.SetObject!(target, ReadPartial(child, objectType));
                    break;
                case RmAttributeKind.List:
                    if (ValueType(child, attribute) is not { } itemType) break;
                    var list = attribute.GetList!(target);
                    if (list is null)
                    {
                        list = attribute.NewList!();
                        attribute.SetList!(target, list);
                    }

                    list.Add(ReadPartial(child, itemType));
                    break;
            }
        }

        // A code without terminology is an at-code of the archetype: local, as ADL writes [local::at0006].
        if (target is CodePhrase { TerminologyId.Value: "" } phrase && NodeIds.IsAtCode(phrase.CodeString))
            phrase.TerminologyId.Value = "local";
        return target;
    }

    private static RmType? ValueType(XElement element, RmAttribute attribute) =>
        OptContext.XsiType(element) is { } name ? RmModel.Find(name) : attribute.ValueType is { IsAbstract: false } declared ? declared : null;

    private static bool IsNil(XElement element) =>
        element.Attribute(XName.Get("nil", OptContext.XsiNamespace))?.Value.Trim() is "true" or "1";
}
