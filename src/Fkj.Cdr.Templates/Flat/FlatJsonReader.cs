using System.Text;
using System.Text.Json;

namespace Fkj.Cdr.Templates.Flat;

/// <summary>
/// Streams a FLAT document (one JSON object of <c>path: value</c>) with <see cref="Utf8JsonReader"/> into a
/// <see cref="FlatInput"/>. Values must be strings, numbers, booleans or null; an object or array is a
/// located error. Syntax errors stop reading; they are the only errors that do.
/// </summary>
internal static class FlatJsonReader
{
    public static readonly JsonReaderOptions Options = new() { MaxDepth = 64 };

    /// <summary>Reads <paramref name="utf8"/>; false after a syntax error (recorded), true otherwise.</summary>
    public static bool Read(ReadOnlySpan<byte> utf8, FlatInput input, FlatProblems problems)
    {
        if (!CheckUtf8(utf8, problems)) return false;
        var reader = new Utf8JsonReader(utf8, Options);
        try
        {
            if (!reader.Read())
            {
                problems.Add(FlatErrorCodes.Syntax, "the document is empty", "", 0);
                return false;
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                problems.Add(FlatErrorCodes.Syntax, "a FLAT document is a JSON object of path: value", "", reader.TokenStartIndex);
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var key = input.Keys.Append(ref reader);
                var offset = reader.TokenStartIndex;
                reader.Read();
                if (ReadScalar(ref reader, out var kind, out var text)) input.Add(new FlatValue(input.Keys, key, offset, kind, text));
                else RefuseComposite(ref reader, input.Keys.ToString(key.Start, key.Length), offset, problems);
            }

            if (reader.Read())
            {
                problems.Add(FlatErrorCodes.Syntax, "unexpected content after the FLAT object", "", reader.TokenStartIndex);
                return false;
            }
        }
        catch (JsonException e)
        {
            problems.Add(FlatErrorCodes.Syntax, SyntaxMessage(e), "", OffsetOf(utf8, e));
            return false;
        }

        return true;
    }

    /// <summary>The scalar at the reader: its kind and text (the string, or the number as written); false for an object or array.</summary>
    internal static bool ReadScalar(ref Utf8JsonReader reader, out FlatValueKind kind, out string? text)
    {
        text = null;
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                kind = FlatValueKind.String;
                text = reader.GetString();
                return true;
            case JsonTokenType.Number:
                kind = FlatValueKind.Number;
                text = Encoding.UTF8.GetString(reader.ValueSpan);
                return true;
            case JsonTokenType.True:
                kind = FlatValueKind.True;
                return true;
            case JsonTokenType.False:
                kind = FlatValueKind.False;
                return true;
            case JsonTokenType.Null:
                kind = FlatValueKind.Null;
                return true;
            default:
                kind = default;
                return false;
        }
    }

    /// <summary>Reports the object or array at the reader as a value of <paramref name="key"/>, and skips it.</summary>
    internal static void RefuseComposite(ref Utf8JsonReader reader, string key, long offset, FlatProblems problems)
    {
        problems.Add(FlatErrorCodes.WrongValueKind,
            $"a FLAT value is a string, number, boolean or null, not {(reader.TokenType == JsonTokenType.StartArray ? "an array" : "an object")}",
            key, offset);
        reader.Skip();
    }

    internal static bool CheckUtf8(ReadOnlySpan<byte> utf8, FlatProblems problems)
    {
        if (System.Text.Unicode.Utf8.IsValid(utf8)) return true;
        var chars = new char[utf8.Length];
        System.Text.Unicode.Utf8.ToUtf16(utf8, chars, out var valid, out _, replaceInvalidSequences: false);
        problems.Add(FlatErrorCodes.Syntax, "the document is not valid UTF-8", "", valid);
        return false;
    }

    /// <summary>The byte offset of a reader exception's 0-based line and byte position.</summary>
    internal static long OffsetOf(ReadOnlySpan<byte> utf8, JsonException e)
    {
        long line = e.LineNumber ?? 0, offset = 0;
        for (var i = 0; i < utf8.Length && line > 0; i++)
        {
            if (utf8[i] != (byte)'\n') continue;
            line--;
            offset = i + 1;
        }

        return Math.Min(offset + (e.BytePositionInLine ?? 0), utf8.Length);
    }

    internal static string SyntaxMessage(JsonException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
