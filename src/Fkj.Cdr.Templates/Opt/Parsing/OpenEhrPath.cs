using System.Text;

namespace Fkj.Cdr.Templates.Opt.Parsing;

/// <summary>One step of an openEHR path: <c>items[at0004, 'Systolic']</c>.</summary>
internal sealed record PathSegment(string Attribute, string? NodeId, string? Name);

/// <summary>
/// Parses the openEHR paths OPTs use to point into the definition: internal references'
/// <c>target_path</c> (<c>/data[at0001]/events[at0002]</c>) and the template constraints'
/// <c>differential_path</c>, which starts with the root's predicate and names nodes where node ids
/// repeat: <c>[openEHR-EHR-COMPOSITION.report.v1]/content[openEHR-EHR-SECTION.adhoc.v1, 'Lab']/items[at0001]</c>,
/// also written <c>[openEHR-EHR-ACTION.service.v0 and name/value='Review of plan']</c>.
/// </summary>
internal static class OpenEhrPath
{
    /// <summary>The root predicate (if the path starts with one) and the segments; null when the path is malformed.</summary>
    public static (string? Root, List<PathSegment> Segments)? Parse(string path)
    {
        var text = path.Trim();
        var position = 0;
        string? root = null;
        if (text.StartsWith('['))
        {
            var predicate = ReadPredicate(text, ref position);
            if (predicate is null) return null;
            root = predicate.Value.NodeId;
        }

        var segments = new List<PathSegment>();
        while (position < text.Length)
        {
            if (text[position] != '/') return null;
            position++;
            var start = position;
            while (position < text.Length && text[position] is not ('/' or '[')) position++;
            var attribute = text[start..position].Trim();
            if (attribute.Length == 0) return null;
            string? nodeId = null, name = null;
            if (position < text.Length && text[position] == '[')
            {
                var predicate = ReadPredicate(text, ref position);
                if (predicate is null) return null;
                (nodeId, name) = predicate.Value;
            }

            while (position < text.Length && char.IsWhiteSpace(text[position])) position++;
            segments.Add(new PathSegment(attribute, nodeId, name));
        }

        return (root, segments);
    }

    /// <summary>Reads <c>[...]</c> at <paramref name="position"/>, honouring quotes, and splits it into node id and name.</summary>
    private static (string? NodeId, string? Name)? ReadPredicate(string text, ref int position)
    {
        var start = ++position;
        char? quote = null;
        for (; position < text.Length; position++)
        {
            var c = text[position];
            if (quote is not null)
            {
                if (c == '\\') position++;
                else if (c == quote) quote = null;
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == ']')
            {
                var content = text[start..position].Trim();
                position++;
                return Split(content);
            }
        }

        return null;
    }

    private static (string? NodeId, string? Name) Split(string content)
    {
        var comma = IndexOutsideQuotes(content, ",");
        if (comma >= 0) return (Empty(content[..comma]), Unquote(content[(comma + 1)..]));

        var and = IndexOutsideQuotes(content, " and ");
        if (and >= 0)
        {
            var condition = content[(and + 5)..].Trim();
            var equals = condition.IndexOf('=');
            return (Empty(content[..and]), equals >= 0 ? Unquote(condition[(equals + 1)..]) : null);
        }

        if (content.StartsWith("name/value", StringComparison.Ordinal))
        {
            var equals = content.IndexOf('=');
            return (null, equals >= 0 ? Unquote(content[(equals + 1)..]) : null);
        }

        return (Empty(content), null);

        static string? Empty(string value) => value.Trim() is { Length: > 0 } trimmed ? trimmed : null;
    }

    private static int IndexOutsideQuotes(string text, string what)
    {
        char? quote = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is not null)
            {
                if (c == '\\') i++;
                else if (c == quote) quote = null;
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (string.CompareOrdinal(text, i, what, 0, what.Length) == 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static string Unquote(string value)
    {
        value = value.Trim();
        if (value.Length >= 2 && value[0] is '\'' or '"' && value[^1] == value[0]) value = value[1..^1];
        if (!value.Contains('\\')) return value;
        var text = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length) i++;
            text.Append(value[i]);
        }

        return text.ToString();
    }
}
