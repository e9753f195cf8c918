using System.Globalization;
using System.Text;
using System.Xml;
using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.Codecs.Xml;

/// <summary>
/// Streams canonical XML (openEHR ITS-XML) into RM objects with <see cref="XmlReader"/>, driven by
/// <see cref="RmType"/> metadata. Like the JSON decoder it keeps going after a structural problem, so
/// that one response lists every unknown xsi:type, unknown element and missing mandatory attribute
/// by element path; only malformed XML stops it at once.
/// </summary>
/// <remarks>
/// Elements may be in the openEHR namespace or in none (both occur in the wild), and in any order:
/// the schemas fix a sequence, but the RM does not depend on it. Text of string attributes is kept
/// exactly as written; numbers and booleans are read with surrounding whitespace ignored, as XML
/// Schema does for those types.
/// </remarks>
internal sealed class CanonicalXmlDecoder
{
    /// <summary>Element nesting allowed before the document is refused as hostile, as the JSON reader's MaxDepth.</summary>
    public const int MaxDepth = 512;

    /// <summary>Input is hostile: no DTD (so no entity expansion), nothing fetched, comments and PIs skipped.</summary>
    public static readonly XmlReaderSettings ReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = false,
        CloseInput = false,
    };

    private readonly XmlReader reader;
    private readonly IXmlLineInfo? lineInfo;
    private readonly XmlPath path = new();
    private List<RmFormatError>? errors;

    public CanonicalXmlDecoder(XmlReader reader)
    {
        this.reader = reader;
        lineInfo = reader as IXmlLineInfo;
    }

    public RmObject Decode(RmType? expected)
    {
        RmObject? root = null;
        try
        {
            if (reader.MoveToContent() != XmlNodeType.Element)
            {
                Error(RmFormatErrorCodes.Syntax, "the document has no root element", Position());
            }
            else
            {
                root = ReadRoot(expected);
                // Let the reader find anything malformed after the root element.
                while (reader.Read())
                {
                }
            }
        }
        catch (XmlException e)
        {
            // Some reader errors (a refused DTD) come without a position; the reader still knows where it is.
            var at = e.LineNumber > 0 ? (e.LineNumber, e.LinePosition) : Position();
            (errors ??= []).Add(new RmFormatError(
                RmFormatErrorCodes.Syntax, SyntaxMessage(e), path.ToString(), Math.Max(at.Item1, 1), Math.Max(at.Item2, 1)));
        }

        if (errors is not null) throw new RmFormatException(errors);
        return root!;
    }

    private RmObject? ReadRoot(RmType? expected)
    {
        var name = reader.LocalName;
        path.Push(name);
        RmObject? root;
        if (expected is null && !HasXsiType())
        {
            // No expectation and no xsi:type: the document element names the type, e.g. <composition>.
            var named = XmlShape.TypeOfDocumentElement(name);
            if (named is { IsAbstract: false })
            {
                root = ReadObject(named);
            }
            else
            {
                Error(RmFormatErrorCodes.MissingType, $"the root element <{name}> needs an xsi:type", Position());
                SkipContent();
                root = null;
            }
        }
        else
        {
            root = ReadObject(expected);
        }

        path.Pop();
        return root;
    }

    private bool HasXsiType() => reader.HasAttributes && reader.GetAttribute("type", XmlShape.XsiNamespace) is not null;

    /// <summary>
    /// Reads the element the reader is on as an object of (a subtype of) <paramref name="declared"/>.
    /// Like every Read method here it stops on the element's last node (its end tag, or itself when
    /// empty), so that the caller leaves the element's path before the reader looks any further.
    /// </summary>
    private RmObject? ReadObject(RmType? declared)
    {
        var start = Position();
        if (reader.Depth >= MaxDepth)
            throw new XmlException($"the document nests elements deeper than {MaxDepth} levels", null, (int)start.Line, (int)start.Column);

        // XML attributes first: xsi:type picks the type, which then says which other attributes may appear.
        string? xsiType = null;
        (long Line, long Column) xsiTypePosition = default;
        string? nodeId = null;
        List<(string Name, long Line, long Column)>? strangers = null;
        if (reader.MoveToFirstAttribute())
        {
            do
            {
                var ns = reader.NamespaceURI;
                if (ns.Length == 0 && reader.LocalName == XmlShape.ArchetypeNodeId.Name)
                {
                    nodeId = reader.Value;
                }
                else if (ns == XmlShape.XsiNamespace && reader.LocalName == "type")
                {
                    xsiType = reader.Value;
                    xsiTypePosition = Position();
                }
                else if (!IsIgnorableAttribute(ns))
                {
                    var (line, column) = Position();
                    (strangers ??= []).Add((reader.Name, line, column));
                }
            }
            while (reader.MoveToNextAttribute());

            reader.MoveToElement();
        }

        var type = ResolveType(xsiType, xsiTypePosition, declared, start);
        if (type is null)
        {
            SkipContent();
            return null;
        }

        var result = type.Create();
        var attributes = type.Attributes;
        ulong seen = 0;
        if (strangers is not null)
        {
            foreach (var (name, line, column) in strangers)
            {
                path.PushAttribute(name);
                Error(RmFormatErrorCodes.UnknownAttribute, $"XML attribute '{name}' is not allowed on {type.Name}", (line, column));
                path.Pop();
            }
        }

        if (nodeId is not null)
        {
            var index = IndexOf(attributes, XmlShape.ArchetypeNodeId);
            if (index >= 0)
            {
                attributes[index].SetText!(result, nodeId);
                seen |= 1UL << index;
            }
            else
            {
                path.PushAttribute(XmlShape.ArchetypeNodeId.Name);
                Error(RmFormatErrorCodes.UnknownAttribute, $"{type.Name} is not LOCATABLE and has no archetype_node_id", start);
                path.Pop();
            }
        }

        if (!reader.IsEmptyElement)
        {
            int[]? counts = null;
            var textReported = false;
            reader.Read();
            while (reader.NodeType != XmlNodeType.EndElement)
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        ReadChild(type, result, ref seen, ref counts);
                        break;
                    case XmlNodeType.Text or XmlNodeType.CDATA when !textReported:
                        textReported = true;
                        Error(RmFormatErrorCodes.WrongValueKind, $"{type.Name} is written as child elements, found text '{Excerpt(reader.Value)}'", Position());
                        break;
                    case XmlNodeType.None:
                        throw new XmlException("unexpected end of the document");
                }

                reader.Read();
            }
        }

        for (var i = 0; i < attributes.Count; i++)
        {
            if (attributes[i].IsRequired && (seen & (1UL << i)) == 0)
                Error(RmFormatErrorCodes.MissingAttribute, $"{type.Name} requires '{attributes[i].Name}'", start);
        }

        return result;
    }

    /// <summary>
    /// Picks the element's type from its xsi:type, falling back to the declared type where it is
    /// concrete; the schemas make xsi:type necessary only where the declared type is abstract.
    /// </summary>
    private RmType? ResolveType(string? xsiType, (long, long) xsiTypePosition, RmType? declared, (long, long) start)
    {
        if (xsiType is null)
        {
            if (declared is { IsAbstract: false }) return declared;
            Error(RmFormatErrorCodes.MissingType,
                declared is null ? "the root element needs an xsi:type" : $"xsi:type is required because {declared.Name} is abstract",
                start);
            return null;
        }

        path.PushAttribute("xsi:type");
        var type = FindType(xsiType);
        if (type is null)
            Error(RmFormatErrorCodes.UnknownType, $"'{Excerpt(xsiType)}' is not an RM type", xsiTypePosition);
        else if (declared is not null && !type.IsSubtypeOf(declared))
            Error(RmFormatErrorCodes.TypeMismatch, $"{type.Name} is not allowed here; expected {declared.Name} or a subtype", xsiTypePosition);
        else if (type.IsAbstract)
            Error(RmFormatErrorCodes.TypeMismatch, $"{type.Name} is abstract; use a concrete subtype", xsiTypePosition);
        else
        {
            path.Pop();
            return type;
        }

        path.Pop();
        return null;
    }

    /// <summary>
    /// xsi:type is a QName: unprefixed, or prefixed with a prefix bound to the openEHR namespace
    /// (or, leniently, to no namespace); a name in any other namespace is not an RM type.
    /// </summary>
    private RmType? FindType(string qualifiedName)
    {
        var name = qualifiedName.AsSpan().Trim(" \t\r\n");
        var colon = name.IndexOf(':');
        if (colon >= 0)
        {
            var ns = reader.LookupNamespace(name[..colon].ToString());
            if (ns is null || (ns.Length != 0 && ns != XmlShape.Namespace)) return null;
            name = name[(colon + 1)..];
        }

        return RmModel.Find(name);
    }

    private void ReadChild(RmType type, RmObject target, ref ulong seen, ref int[]? counts)
    {
        var name = reader.LocalName;
        var ns = reader.NamespaceURI;
        var index = ns.Length == 0 || ns == XmlShape.Namespace ? XmlShape.IndexOfElement(type, name) : -1;
        if (index < 0)
        {
            path.Push(name);
            if (ns.Length != 0 && ns != XmlShape.Namespace)
            {
                Error(RmFormatErrorCodes.UnknownAttribute, $"element '{reader.Name}' is in namespace '{ns}', not the openEHR one", Position());
                SkipContent();
            }
            else if (XmlShape.IsLegacyParsableSize(type, name))
            {
                ReadLegacySize();
            }
            else
            {
                Error(RmFormatErrorCodes.UnknownAttribute,
                    name == XmlShape.ArchetypeNodeId.Name && IndexOf(type.Attributes, XmlShape.ArchetypeNodeId) >= 0
                        ? "archetype_node_id is an XML attribute of the element, not a child element"
                        : $"'{name}' is not an attribute of {type.Name}",
                    Position());
                SkipContent();
            }

            path.Pop();
            return;
        }

        var attribute = type.Attributes[index];
        var bit = 1UL << index;
        if (attribute.IsList)
        {
            counts ??= new int[type.Attributes.Count];
            path.Push(name, ++counts[index]);
        }
        else
        {
            path.Push(name);
            if ((seen & bit) != 0)
                Error(RmFormatErrorCodes.DuplicateAttribute, $"'{attribute.Name}' appears twice", Position());
        }

        if (IsNil())
        {
            // xsi:nil="true" is an absent value, as null is in JSON.
            SkipContent();
        }
        else
        {
            // Present counts as seen even when the value is wrong: one error per problem.
            seen |= bit;
            ReadAttribute(target, attribute);
        }

        path.Pop();
    }

    private bool IsNil()
    {
        if (!reader.HasAttributes) return false;
        var nil = reader.GetAttribute("nil", XmlShape.XsiNamespace);
        return nil is not null && TryParseBoolean(nil, out var isNil) && isNil;
    }

    private void ReadAttribute(RmObject target, RmAttribute attribute)
    {
        switch (attribute.Kind)
        {
            case RmAttributeKind.Object:
                var child = ReadObject(attribute.ValueType);
                if (child is not null) attribute.SetObject!(target, child);
                return;
            case RmAttributeKind.List:
                var item = ReadObject(attribute.ValueType);
                if (item is null) return;
                var list = attribute.GetList!(target);
                if (list is null)
                {
                    list = attribute.NewList!();
                    attribute.SetList!(target, list);
                }

                list.Add(item);
                return;
        }

        var start = Position();
        var text = ReadText(attribute.Kind);
        if (text is null) return;
        try
        {
            switch (attribute.Kind)
            {
                case RmAttributeKind.Text:
                    attribute.SetText!(target, text);
                    return;
                case RmAttributeKind.Boolean:
                    if (TryParseBoolean(text, out var flag)) attribute.SetBoolean!(target, flag);
                    else WrongText(attribute, text, start);
                    return;
                case RmAttributeKind.Integer:
                    var trimmed = Trim(text);
                    if (!LooksNumeric(trimmed))
                        WrongText(attribute, text, start);
                    else if (!long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)
                             || (attribute.Is32Bit && integer is < int.MinValue or > int.MaxValue))
                        Error(RmFormatErrorCodes.InvalidValue, $"'{attribute.Name}' must be a whole number{(attribute.Is32Bit ? " within 32 bits" : "")}", start);
                    else
                        attribute.SetInteger!(target, integer);
                    return;
                case RmAttributeKind.Real:
                    var number = Trim(text);
                    if (!LooksNumeric(number))
                        WrongText(attribute, text, start);
                    else if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) || !double.IsFinite(real))
                        Error(RmFormatErrorCodes.InvalidValue, $"'{attribute.Name}' must be a finite number", start);
                    else
                        attribute.SetReal!(target, real);
                    return;
            }
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            Error(RmFormatErrorCodes.InvalidValue, e.Message, start);
        }
    }

    /// <summary>
    /// The text content of a primitive element, exactly as written (entities resolved, CDATA and
    /// adjacent text joined); child elements are an error. Returns null after reporting one.
    /// </summary>
    private string? ReadText(RmAttributeKind kind)
    {
        if (reader.HasAttributes) CheckPrimitiveAttributes();
        if (reader.IsEmptyElement) return "";

        var start = Position();
        reader.Read();
        string? text = null;
        StringBuilder? more = null;
        var valid = true;
        while (reader.NodeType != XmlNodeType.EndElement)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    if (text is null) text = reader.Value;
                    else (more ??= new StringBuilder(text)).Append(reader.Value);
                    break;
                case XmlNodeType.Element:
                    if (valid)
                        Error(RmFormatErrorCodes.WrongValueKind, $"expected {Expected(kind)} as text, found element <{reader.Name}>", start);
                    valid = false;
                    SkipContent();
                    break;
                case XmlNodeType.None:
                    throw new XmlException("unexpected end of the document");
            }

            reader.Read();
        }

        if (!valid) return null;
        return more?.ToString() ?? text ?? "";
    }

    /// <summary>Moves to the last node of the element the reader is on, ignoring what is inside.</summary>
    private void SkipContent()
    {
        if (reader.IsEmptyElement) return;
        var depth = reader.Depth;
        while (reader.Read() && reader.Depth > depth)
        {
        }
    }

    private void CheckPrimitiveAttributes()
    {
        if (!reader.MoveToFirstAttribute()) return;
        do
        {
            // xsi:type on a primitive names an XML Schema type (xs:string…): harmless, ignored.
            if (IsIgnorableAttribute(reader.NamespaceURI)) continue;
            path.PushAttribute(reader.Name);
            Error(RmFormatErrorCodes.UnknownAttribute, $"XML attribute '{reader.Name}' is not allowed on a primitive value", Position());
            path.Pop();
        }
        while (reader.MoveToNextAttribute());

        reader.MoveToElement();
    }

    private void ReadLegacySize()
    {
        var start = Position();
        var text = ReadText(RmAttributeKind.Integer);
        if (text is not null && !int.TryParse(Trim(text), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
            Error(RmFormatErrorCodes.InvalidValue, "legacy DV_PARSABLE 'size' must be a whole number within 32 bits", start);
    }

    /// <summary>Namespace declarations, xml:*, and xsi attributes other than type (schemaLocation, nil) carry no RM data.</summary>
    private static bool IsIgnorableAttribute(string ns) =>
        ns == XmlShape.XmlnsNamespace || ns == XmlShape.XmlNamespace || ns == XmlShape.XsiNamespace;

    private static int IndexOf(IReadOnlyList<RmAttribute> attributes, RmAttribute attribute)
    {
        for (var i = 0; i < attributes.Count; i++)
            if (ReferenceEquals(attributes[i], attribute)) return i;
        return -1;
    }

    private void WrongText(RmAttribute attribute, string text, (long, long) start) =>
        Error(RmFormatErrorCodes.WrongValueKind, $"'{attribute.Name}' must be {Expected(attribute.Kind)}, found '{Excerpt(text)}'", start);

    /// <summary>xs:boolean: true, false, 1 or 0, with surrounding whitespace.</summary>
    private static bool TryParseBoolean(string text, out bool value)
    {
        switch (Trim(text))
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

    private static string Trim(string text) => text.Trim(' ', '\t', '\r', '\n');

    private static bool LooksNumeric(string text) =>
        text.Length != 0 && text.AsSpan().IndexOfAnyExcept("0123456789+-.eE") < 0;

    private (long Line, long Column) Position() =>
        lineInfo is { } info && info.HasLineInfo() ? (info.LineNumber, info.LinePosition) : (1, 1);

    private void Error(string code, string message, (long Line, long Column) at) =>
        (errors ??= []).Add(new RmFormatError(code, message, path.ToString(), at.Line, at.Column));

    private static string SyntaxMessage(XmlException e)
    {
        // XmlException appends its own position text; ours is in the error's fields.
        var message = e.Message;
        var cut = message.LastIndexOf(" Line ", StringComparison.Ordinal);
        if (cut > 0) message = message[..cut];
        // Advice to enable DTD processing is for the server's programmers, not for the sender.
        cut = message.IndexOf(" To enable DTD processing", StringComparison.Ordinal);
        if (cut > 0) message = message[..cut];
        return message.TrimEnd(' ', '.', ',');
    }

    private static string Excerpt(string text) => text.Length > 40 ? text[..40] + "…" : text;

    private static string Expected(RmAttributeKind kind) => kind switch
    {
        RmAttributeKind.Text => "a string",
        RmAttributeKind.Boolean => "true or false",
        RmAttributeKind.Integer => "an integer",
        RmAttributeKind.Real => "a number",
        RmAttributeKind.Object => "an object",
        _ => "a list",
    };
}
