using System.Collections;
using System.Text.Json;
using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.Codecs.Json;

/// <summary>
/// Streams canonical JSON (openEHR ITS-JSON) into RM objects with <see cref="Utf8JsonReader"/>, driven
/// by <see cref="RmType"/> metadata. It keeps going after a structural problem so that one response
/// can list every wrong <c>_type</c>, unknown attribute and missing mandatory attribute by path.
/// </summary>
internal ref struct CanonicalJsonDecoder
{
    private static ReadOnlySpan<byte> TypeProperty => "_type"u8;

    private readonly ReadOnlySpan<byte> input;
    private readonly JsonPointer pointer = new();
    private List<RmFormatError>? errors;

    public CanonicalJsonDecoder(ReadOnlySpan<byte> input)
    {
        this.input = input;
    }

    public static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 512 };

    public RmObject Decode(RmType? expected)
    {
        RmObject? root = null;
        if (!System.Text.Unicode.Utf8.IsValid(input))
        {
            // Checked up front (it is vectorised and cheap) so that no string read can fail later.
            System.Text.Unicode.Utf8.ToUtf16(input, new char[input.Length], out var validBytes, out _, replaceInvalidSequences: false);
            Error(RmFormatErrorCodes.Syntax, "the document is not valid UTF-8", validBytes);
            throw new RmFormatException(errors!);
        }

        try
        {
            var reader = new Utf8JsonReader(input, ReaderOptions);
            if (!reader.Read())
            {
                Error(RmFormatErrorCodes.Syntax, "the document is empty", 0);
            }
            else
            {
                root = ReadObject(ref reader, expected);
                if (reader.Read())
                    Error(RmFormatErrorCodes.Syntax, "unexpected content after the root object", reader.TokenStartIndex);
            }
        }
        catch (JsonException e)
        {
            // The reader's own syntax error: positions are 0-based there.
            (errors ??= []).Add(new RmFormatError(
                RmFormatErrorCodes.Syntax, SyntaxMessage(e), pointer.ToString(), (e.LineNumber ?? 0) + 1, (e.BytePositionInLine ?? 0) + 1));
        }

        if (errors is not null) throw new RmFormatException(errors);
        return root!;
    }

    private RmObject? ReadObject(ref Utf8JsonReader reader, RmType? declared)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            Error(RmFormatErrorCodes.WrongValueKind, $"expected a JSON object ({declared?.Name ?? "an RM object"}), found {Describe(reader.TokenType)}", reader.TokenStartIndex);
            reader.Skip();
            return null;
        }

        var start = reader.TokenStartIndex;
        var type = ResolveType(reader, declared);
        if (type is null)
        {
            reader.Skip();
            return null;
        }

        var result = type.Create();
        var attributes = type.AttributeSpan;
        ulong seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals(TypeProperty))
            {
                reader.Read(); // validated by ResolveType
                continue;
            }

            var index = IndexOf(attributes, ref reader);
            if (index < 0)
            {
                var name = GetString(ref reader);
                pointer.Push(name);
                Error(RmFormatErrorCodes.UnknownAttribute, $"'{name}' is not an attribute of {type.Name}", reader.TokenStartIndex);
                pointer.Pop();
                reader.Read();
                reader.Skip();
                continue;
            }

            var attribute = attributes[index];
            pointer.Push(attribute.Name);
            if ((seen & (1UL << index)) != 0)
                Error(RmFormatErrorCodes.DuplicateAttribute, $"'{attribute.Name}' appears twice", reader.TokenStartIndex);
            reader.Read();
            if (reader.TokenType != JsonTokenType.Null)
            {
                // Present counts as seen even when the value is wrong: one error per problem.
                seen |= 1UL << index;
                ReadAttribute(ref reader, result, attribute);
            }

            pointer.Pop();
        }

        for (var i = 0; i < attributes.Length; i++)
        {
            if (attributes[i].IsRequired && (seen & (1UL << i)) == 0)
                Error(RmFormatErrorCodes.MissingAttribute, $"{type.Name} requires '{attributes[i].Name}'", start);
        }

        return result;
    }

    /// <summary>
    /// Finds the object's <c>_type</c> wherever it stands among the properties (ITS-JSON does not fix
    /// its position), falling back to the declared type where the specification lets it be omitted.
    /// </summary>
    private RmType? ResolveType(Utf8JsonReader scan, RmType? declared)
    {
        while (scan.Read() && scan.TokenType == JsonTokenType.PropertyName)
        {
            if (!scan.ValueTextEquals(TypeProperty))
            {
                scan.Read();
                scan.Skip();
                continue;
            }

            pointer.Push("_type");
            scan.Read();
            RmType? type = null;
            if (scan.TokenType != JsonTokenType.String)
            {
                Error(RmFormatErrorCodes.WrongValueKind, $"_type must be a string, found {Describe(scan.TokenType)}", scan.TokenStartIndex);
            }
            else
            {
                type = FindType(ref scan);
                if (type is null)
                    Error(RmFormatErrorCodes.UnknownType, $"'{GetString(ref scan)}' is not an RM type", scan.TokenStartIndex);
                else if (declared is not null && !type.IsSubtypeOf(declared))
                    Error(RmFormatErrorCodes.TypeMismatch, $"{type.Name} is not allowed here; expected {declared.Name} or a subtype", scan.TokenStartIndex);
                else if (type.IsAbstract)
                    Error(RmFormatErrorCodes.TypeMismatch, $"{type.Name} is abstract; use a concrete subtype", scan.TokenStartIndex);
                else
                {
                    pointer.Pop();
                    return type;
                }
            }

            pointer.Pop();
            return null;
        }

        if (declared is { IsAbstract: false }) return declared;
        Error(RmFormatErrorCodes.MissingType,
            declared is null ? "the root object needs a _type" : $"_type is required because {declared.Name} is abstract",
            scan.TokenStartIndex);
        return null;
    }

    /// <summary>
    /// Reads a string that may carry an escaped lone surrogate (<c>"\ud800"</c>), which
    /// Utf8JsonReader accepts but cannot turn into a .NET string.
    /// </summary>
    private static bool TryGetString(ref Utf8JsonReader reader, out string value)
    {
        try
        {
            value = reader.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            value = "";
            return false;
        }
    }

    private static string GetString(ref Utf8JsonReader reader) =>
        TryGetString(ref reader, out var value) ? value : "\uFFFD";

    private static RmType? FindType(ref Utf8JsonReader reader)
    {
        // RM type names are short ASCII; decoding on the stack keeps this allocation-free per object.
        Span<char> name = stackalloc char[80];
        if (reader.ValueIsEscaped || reader.ValueSpan.Length > name.Length) return RmModel.Find(GetString(ref reader));
        var length = System.Text.Encoding.UTF8.GetChars(reader.ValueSpan, name);
        return RmModel.Find(name[..length]);
    }

    private bool ReadAttribute(ref Utf8JsonReader reader, RmObject target, RmAttribute attribute)
    {
        try
        {
            switch (attribute.Kind)
            {
                case RmAttributeKind.Text when reader.TokenType == JsonTokenType.String:
                    if (!TryGetString(ref reader, out var text)) return Invalid(ref reader, "the string is not valid Unicode");
                    attribute.SetText!(target, text);
                    return true;
                case RmAttributeKind.Boolean when reader.TokenType is JsonTokenType.True or JsonTokenType.False:
                    attribute.SetBoolean!(target, reader.GetBoolean());
                    return true;
                case RmAttributeKind.Integer when IsNumber(ref reader):
                    if (!TryGetInteger(ref reader, out var integer) || (attribute.Is32Bit && integer is < int.MinValue or > int.MaxValue))
                        return Invalid(ref reader, $"'{attribute.Name}' must be a whole number{(attribute.Is32Bit ? " within 32 bits" : "")}");
                    attribute.SetInteger!(target, integer);
                    return true;
                case RmAttributeKind.Real when IsNumber(ref reader):
                    if (!TryGetReal(ref reader, out var real))
                        return Invalid(ref reader, $"'{attribute.Name}' must be a finite number");
                    attribute.SetReal!(target, real);
                    return true;
                case RmAttributeKind.Object:
                    var child = ReadObject(ref reader, attribute.ValueType);
                    if (child is null) return false;
                    attribute.SetObject!(target, child);
                    return true;
                case RmAttributeKind.List when reader.TokenType == JsonTokenType.StartArray:
                    attribute.SetList!(target, ReadList(ref reader, attribute));
                    return true;
                default:
                    Error(RmFormatErrorCodes.WrongValueKind, $"'{attribute.Name}' must be {Expected(attribute.Kind)}, found {Describe(reader.TokenType)}", reader.TokenStartIndex);
                    reader.Skip();
                    return false;
            }
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            return Invalid(ref reader, e.Message);
        }
    }

    /// <summary>
    /// A number, or a string holding one: EHRbase and other Jackson-based systems accept
    /// <c>"magnitude": "8.7"</c>, and vendors send it, so it is read as the number it spells.
    /// </summary>
    private static bool IsNumber(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number
        || (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && LooksNumeric(reader.ValueSpan));

    private static bool LooksNumeric(ReadOnlySpan<byte> text) =>
        !text.IsEmpty && text.IndexOfAnyExcept("0123456789+-.eE"u8) < 0;

    private static bool TryGetInteger(ref Utf8JsonReader reader, out long value) =>
        reader.TokenType == JsonTokenType.Number
            ? reader.TryGetInt64(out value)
            : System.Buffers.Text.Utf8Parser.TryParse(reader.ValueSpan, out value, out var used) && used == reader.ValueSpan.Length;

    private static bool TryGetReal(ref Utf8JsonReader reader, out double value)
    {
        var parsed = reader.TokenType == JsonTokenType.Number
            ? reader.TryGetDouble(out value)
            : System.Buffers.Text.Utf8Parser.TryParse(reader.ValueSpan, out value, out var used) && used == reader.ValueSpan.Length;
        return parsed && double.IsFinite(value);
    }

    private IList ReadList(ref Utf8JsonReader reader, RmAttribute attribute)
    {
        var list = attribute.NewList!();
        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            pointer.Push(index++);
            var item = ReadObject(ref reader, attribute.ValueType);
            if (item is not null) list.Add(item);
            pointer.Pop();
        }

        return list;
    }

    private bool Invalid(ref Utf8JsonReader reader, string message)
    {
        Error(RmFormatErrorCodes.InvalidValue, message, reader.TokenStartIndex);
        reader.Skip();
        return false;
    }

    private static int IndexOf(ReadOnlySpan<RmAttribute> attributes, ref Utf8JsonReader reader)
    {
        for (var i = 0; i < attributes.Length; i++)
        {
            if (reader.ValueTextEquals(attributes[i].Utf8Name)) return i;
        }

        return -1;
    }

    private void Error(string code, string message, long offset)
    {
        var (line, column) = LineAndColumn(offset);
        (errors ??= []).Add(new RmFormatError(code, message, pointer.ToString(), line, column));
    }

    private (long Line, long Column) LineAndColumn(long offset)
    {
        var before = input[..(int)Math.Min(offset, input.Length)];
        var lastNewline = before.LastIndexOf((byte)'\n');
        return (before.Count((byte)'\n') + 1, offset - lastNewline);
    }

    private static string SyntaxMessage(JsonException e)
    {
        // Utf8JsonReader appends its own position text; ours is in the error's fields.
        var message = e.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut].TrimEnd(' ', '.') : message;
    }

    private static string Expected(RmAttributeKind kind) => kind switch
    {
        RmAttributeKind.Text => "a string",
        RmAttributeKind.Boolean => "true or false",
        RmAttributeKind.Integer => "an integer",
        RmAttributeKind.Real => "a number",
        RmAttributeKind.Object => "an object",
        _ => "an array",
    };

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}
