using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Fkj.Cdr.Templates.Opt.Parsing;

/// <summary>
/// State shared by the readers of one parse: the errors found so far, and helpers that read OPT
/// elements while reporting what is wrong with them at the element's line and column.
/// </summary>
internal sealed class OptContext
{
    public const string Namespace = "http://schemas.openehr.org/v1";
    public const string XsiNamespace = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>Errors kept before the rest are summarised in one last error; a broken file should not produce megabytes.</summary>
    public const int MaxErrors = 200;

    private readonly List<OptError> errors = [];
    private readonly List<OptError> warnings = [];
    private int dropped;

    public bool HasErrors => errors.Count > 0;

    /// <summary>What was accepted but ignored, for the uploader to see.</summary>
    public IReadOnlyList<OptError> Warnings => warnings;

    public int ErrorCount => errors.Count + dropped;

    public IReadOnlyList<OptError> Errors()
    {
        if (dropped == 0) return errors;
        var last = errors[^1];
        return [.. errors, new OptError(last.Code, $"{dropped} more errors not listed", "/", last.Line, last.Column)];
    }

    public void Error(string code, string message, XObject? at, string? nodePath = null)
    {
        if (errors.Count >= MaxErrors)
        {
            dropped++;
            return;
        }

        var (line, column) = Position(at);
        errors.Add(new OptError(code, message, XPath(at), line, column, nodePath));
    }

    public void Add(OptError error)
    {
        if (errors.Count >= MaxErrors) dropped++;
        else errors.Add(error);
    }

    public static (long Line, long Column) Position(XObject? at) =>
        at is IXmlLineInfo info && info.HasLineInfo() ? (info.LineNumber, info.LinePosition) : (1, 1);

    /// <summary>An XPath-like path: element names from the root, with a 1-based index where siblings share a name.</summary>
    public static string XPath(XObject? at)
    {
        if (at is null) return "/";
        var segments = new List<string>();
        if (at is XAttribute attribute)
        {
            segments.Add("@" + attribute.Name.LocalName);
            at = attribute.Parent;
        }

        for (var element = at as XElement ?? at!.Parent; element is not null; element = element.Parent)
        {
            var name = element.Name.LocalName;
            var parent = element.Parent;
            if (parent is null)
            {
                segments.Add(name);
                continue;
            }

            int index = 0, count = 0;
            foreach (var sibling in parent.Elements(element.Name))
            {
                count++;
                if (ReferenceEquals(sibling, element)) index = count;
            }

            segments.Add(count > 1 ? $"{name}[{index}]" : name);
        }

        segments.Reverse();
        return "/" + string.Join('/', segments);
    }

    /// <summary>
    /// Checks the children of <paramref name="element"/> against <paramref name="model"/>: every child
    /// must be a known element in the openEHR namespace (or in none), appear no more often than allowed,
    /// and every mandatory one must be there; text between elements is an error. Returns the children by name.
    /// </summary>
    public Children Check(XElement element, ContentModel model)
    {
        var map = new Dictionary<string, List<XElement>>(StringComparer.Ordinal);
        var textReported = false;
        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XElement child:
                    var name = child.Name.LocalName;
                    var ns = child.Name.NamespaceName;
                    if (ns.Length != 0 && ns != Namespace)
                    {
                        Error(OptErrorCodes.UnknownElement,
                            $"element <{name}> in namespace '{ns}' is not allowed in {model.TypeName}", child);
                        continue;
                    }

                    if (!model.TryGet(name, out var part))
                    {
                        if (model.UnknownIsWarning)
                        {
                            var (line, column) = Position(child);
                            if (warnings.Count < MaxErrors)
                                warnings.Add(new OptError(OptErrorCodes.UnknownElement,
                                    $"unknown element <{name}> in {model.TypeName} ignored, with its content", XPath(child), line, column));
                            continue;
                        }

                        Error(OptErrorCodes.UnknownElement, $"unknown element <{name}> in {model.TypeName}", child);
                        continue;
                    }

                    if (!map.TryGetValue(name, out var list)) map[name] = list = [];
                    if (list.Count >= part.Max)
                    {
                        Error(OptErrorCodes.DuplicateElement,
                            part.Max == 1
                                ? $"<{name}> may appear only once in {model.TypeName}"
                                : $"<{name}> may appear at most {part.Max} times in {model.TypeName}",
                            child);
                        continue;
                    }

                    list.Add(child);
                    break;
                case XText text when !textReported && !string.IsNullOrWhiteSpace(text.Value):
                    textReported = true;
                    Error(OptErrorCodes.UnexpectedText,
                        $"{model.TypeName} <{element.Name.LocalName}> holds elements, not text; found '{Excerpt(text.Value.Trim())}'", text);
                    break;
            }
        }

        foreach (var (name, min, _) in model.Parts)
        {
            if (min > 0 && !map.ContainsKey(name))
                Error(OptErrorCodes.MissingElement, $"{model.TypeName} <{element.Name.LocalName}> requires <{name}>", element);
        }

        return new Children(map);
    }

    /// <summary>The text of a simple element, exactly as written; an element with child elements is an error (null).</summary>
    public string? Text(XElement? element)
    {
        if (element is null) return null;
        var child = element.Elements().FirstOrDefault();
        if (child is not null)
        {
            Error(OptErrorCodes.UnknownElement,
                $"<{element.Name.LocalName}> holds text, not elements; found <{child.Name.LocalName}>", child);
            return null;
        }

        return element.Value;
    }

    /// <summary>A mandatory token (identifier, code, name): trimmed, and an error when absent or empty.</summary>
    public string? Token(XElement? element, string what)
    {
        if (element is null) return null; // reported as missing by Check
        var text = Text(element);
        if (text is null) return null;
        text = text.Trim();
        if (text.Length == 0)
        {
            Error(OptErrorCodes.MissingElement, $"{what} is empty", element);
            return null;
        }

        return text;
    }

    /// <summary>The <c>value</c> of an OBJECT_ID element (template_id, uid, archetype_id, terminology_id).</summary>
    public string? ObjectIdValue(XElement? element, string what)
    {
        if (element is null) return null;
        var kids = Check(element, OptSchema.ObjectId);
        return Token(kids.One("value"), what);
    }

    public bool? Boolean(XElement? element)
    {
        var text = Text(element)?.Trim();
        switch (text)
        {
            case null:
                return null;
            case "true" or "1":
                return true;
            case "false" or "0":
                return false;
            default:
                Error(OptErrorCodes.InvalidValue, $"<{element!.Name.LocalName}> must be true or false, found '{Excerpt(text)}'", element);
                return null;
        }
    }

    public long? Integer(XElement? element)
    {
        var text = Text(element)?.Trim();
        if (text is null) return null;
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return value;
        Error(OptErrorCodes.InvalidValue, $"<{element!.Name.LocalName}> must be a whole number, found '{Excerpt(text)}'", element);
        return null;
    }

    public int? Int32(XElement? element)
    {
        var value = Integer(element);
        if (value is null) return null;
        if (value is >= int.MinValue and <= int.MaxValue) return (int)value.Value;
        Error(OptErrorCodes.InvalidValue, $"<{element!.Name.LocalName}> is out of range: {value}", element);
        return null;
    }

    public double? Real(XElement? element)
    {
        var text = Text(element)?.Trim();
        if (text is null) return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
            return value;
        Error(OptErrorCodes.InvalidValue, $"<{element!.Name.LocalName}> must be a finite number, found '{Excerpt(text)}'", element);
        return null;
    }

    /// <summary>
    /// The local name of the element's xsi:type, without prefix. The attribute is recognised by its
    /// namespace, or by the prefix <c>xsi</c> when a (mis-typed) declaration binds that prefix to
    /// another URI, as some fixture OPTs do ("http //www.w3.org/...").
    /// </summary>
    public static string? XsiType(XElement element)
    {
        foreach (var attribute in element.Attributes())
        {
            if (attribute.IsNamespaceDeclaration || attribute.Name.LocalName != "type") continue;
            var ns = attribute.Name.NamespaceName;
            if (ns.Length == 0) continue;
            if (ns != XsiNamespace && element.GetPrefixOfNamespace(ns) != "xsi") continue;
            var value = attribute.Value.Trim();
            var colon = value.IndexOf(':');
            return colon >= 0 ? value[(colon + 1)..] : value;
        }

        return null;
    }

    public static XAttribute? XsiTypeAttribute(XElement element) =>
        element.Attributes().FirstOrDefault(a => !a.IsNamespaceDeclaration && a.Name.LocalName == "type" && a.Name.NamespaceName.Length != 0);

    /// <summary>An XML attribute (no namespace) that must be present and not empty.</summary>
    public string? RequiredAttribute(XElement element, string name)
    {
        var value = element.Attribute(name)?.Value.Trim();
        if (string.IsNullOrEmpty(value))
        {
            Error(OptErrorCodes.MissingElement, $"<{element.Name.LocalName}> requires the XML attribute '{name}'", element);
            return null;
        }

        return value;
    }

    public static string Excerpt(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
