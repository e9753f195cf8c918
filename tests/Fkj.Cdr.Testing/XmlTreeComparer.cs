using System.Globalization;
using System.Xml.Linq;
using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Testing;

/// <summary>
/// Compares two canonical XML documents as trees. Ignored: namespaces and their prefixes and
/// declarations (elements compare by local name, since input may be in no namespace), schema
/// location hints, attribute order, whitespace between elements, and the order of differently named
/// children — children are grouped by name and compared in order within a group. Values follow the
/// RM attribute each element carries: numbers compare by value (120.0 = 120), booleans by value
/// (1 = true), strings exactly, whitespace included.
/// </summary>
/// <remarks>
/// Like <see cref="JsonTreeComparer"/> the comparison is asymmetric over type discriminators: input
/// may omit xsi:type where the declared type is concrete, and may also state it redundantly, where
/// our writer leaves it out. So an xsi:type only in <c>actual</c> is never a difference, and one only
/// in <c>expected</c> is not a difference when it names exactly the declared type of its element.
/// </remarks>
public static class XmlTreeComparer
{
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";
    private static readonly XName XsiType = Xsi + "type";

    public static List<string> Differences(XElement expected, XElement actual, RmType? rootType = null)
    {
        var differences = new List<string>();
        var path = "/" + expected.Name.LocalName;
        CompareElement(expected, actual, rootType, path, differences);
        return differences;
    }

    private static void CompareElement(XElement expected, XElement actual, RmType? declared, string path, List<string> differences)
    {
        var expectedType = TypeName(expected);
        var actualType = TypeName(actual);
        if (expectedType is not null)
        {
            if (actualType is null)
            {
                if (declared is null || RmModel.Find(expectedType) != declared)
                    differences.Add($"{path}/@xsi:type: expected {expectedType}, missing from output (declared {declared?.Name ?? "unknown"})");
            }
            else if (RmModel.Find(expectedType) is not { } e || RmModel.Find(actualType) != e)
            {
                differences.Add($"{path}/@xsi:type: expected {expectedType}, found {actualType}");
            }
        }

        var type = (actualType ?? expectedType) is { } name ? RmModel.Find(name) ?? declared : declared;
        CompareAttributes(expected, actual, path, differences);

        var expectedChildren = expected.Elements().ToList();
        var actualChildren = actual.Elements().ToList();
        if (expectedChildren.Count == 0 && actualChildren.Count == 0)
        {
            // A leaf: a primitive value, or an object with nothing in it (<subject xsi:type="PARTY_SELF"/>).
            CompareText(Text(expected), Text(actual), type is null ? null : RmAttributeKind.Object, path, differences);
            return;
        }

        if (Text(expected).Trim().Length > 0 || Text(actual).Trim().Length > 0)
            differences.Add($"{path}: text mixed with elements: expected \"{Text(expected).Trim()}\", found \"{Text(actual).Trim()}\"");

        var actualGroups = actualChildren.GroupBy(e => e.Name.LocalName).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var group in expectedChildren.GroupBy(e => e.Name.LocalName))
        {
            var attribute = type?.FindAttribute(group.Key);
            if (!actualGroups.Remove(group.Key, out var found))
            {
                differences.Add($"{path}/{group.Key}: missing from output");
                continue;
            }

            var items = group.ToList();
            var repeated = attribute?.IsList ?? items.Count > 1;
            if (items.Count != found.Count)
                differences.Add($"{path}/{group.Key}: expected {items.Count} elements, found {found.Count}");
            for (var i = 0; i < Math.Min(items.Count, found.Count); i++)
            {
                var childPath = repeated ? $"{path}/{group.Key}[{i + 1}]" : $"{path}/{group.Key}";
                if (attribute is { Kind: RmAttributeKind.Object or RmAttributeKind.List })
                    CompareElement(items[i], found[i], attribute.ValueType, childPath, differences);
                else if (attribute is not null)
                    ComparePrimitive(items[i], found[i], attribute.Kind, childPath, differences);
                else
                    CompareElement(items[i], found[i], null, childPath, differences);
            }
        }

        differences.AddRange(actualGroups.Keys.Select(k => $"{path}/{k}: not in input"));
    }

    private static void ComparePrimitive(XElement expected, XElement actual, RmAttributeKind kind, string path, List<string> differences)
    {
        CompareAttributes(expected, actual, path, differences);
        if (expected.HasElements || actual.HasElements)
        {
            differences.Add($"{path}: a primitive value with child elements");
            return;
        }

        CompareText(Text(expected), Text(actual), kind, path, differences);
    }

    private static void CompareText(string expected, string actual, RmAttributeKind? kind, string path, List<string> differences)
    {
        var equal = kind switch
        {
            RmAttributeKind.Integer or RmAttributeKind.Real => TryNumber(expected, out var e) && TryNumber(actual, out var a) ? e == a : expected == actual,
            RmAttributeKind.Boolean => TryBoolean(expected, out var e) && TryBoolean(actual, out var a) ? e == a : expected == actual,
            // Whitespace inside an object element is layout, not data.
            RmAttributeKind.Object => expected.Trim() == actual.Trim(),
            _ => expected == actual,
        };
        if (!equal) differences.Add($"{path}: expected \"{Short(expected)}\", found \"{Short(actual)}\"");
    }

    private static void CompareAttributes(XElement expected, XElement actual, string path, List<string> differences)
    {
        var actualAttributes = DataAttributes(actual).ToDictionary(a => a.Name, a => a.Value);
        foreach (var attribute in DataAttributes(expected))
        {
            if (!actualAttributes.Remove(attribute.Name, out var value))
                differences.Add($"{path}/@{attribute.Name.LocalName}: missing from output");
            else if (value != attribute.Value)
                differences.Add($"{path}/@{attribute.Name.LocalName}: expected \"{attribute.Value}\", found \"{value}\"");
        }

        differences.AddRange(actualAttributes.Keys.Select(k => $"{path}/@{k.LocalName}: not in input"));
    }

    /// <summary>Attributes that carry data: not namespace declarations, not xsi (type is compared on its own; the rest are hints).</summary>
    private static IEnumerable<XAttribute> DataAttributes(XElement element) =>
        element.Attributes().Where(a => !a.IsNamespaceDeclaration && a.Name.Namespace != Xsi);

    private static string? TypeName(XElement element)
    {
        var value = element.Attribute(XsiType)?.Value.Trim();
        if (value is null) return null;
        var colon = value.IndexOf(':');
        return colon >= 0 ? value[(colon + 1)..] : value;
    }

    private static string Text(XElement element) =>
        string.Concat(element.Nodes().OfType<XText>().Select(t => t.Value));

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    private static bool TryBoolean(string text, out bool value)
    {
        switch (text.Trim())
        {
            case "true" or "1":
                value = true;
                return true;
            case "false" or "0":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    private static string Short(string text) => text.Length > 60 ? text[..60] + "…" : text;
}
