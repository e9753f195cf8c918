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
                var key = reader.GetString()!;
                var offset = reader.TokenStartIndex;
                reader.Read();
                if (ReadValue(ref reader, key, offset, problems) is { } value) input.Add(value);
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

    /// <summary>The value at the reader as a <see cref="FlatValue"/>; null (with an error) for an object or array, which is skipped.</summary>
    internal static FlatValue? ReadValue(ref Utf8JsonReader reader, string key, long offset, FlatProblems problems)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return new FlatValue(key, offset, FlatValueKind.String, reader.GetString());
            case JsonTokenType.Number:
                return new FlatValue(key, offset, FlatValueKind.Number, Encoding.UTF8.GetString(reader.ValueSpan));
            case JsonTokenType.True:
                return new FlatValue(key, offset, FlatValueKind.True, null);
            case JsonTokenType.False:
                return new FlatValue(key, offset, FlatValueKind.False, null);
            case JsonTokenType.Null:
                return new FlatValue(key, offset, FlatValueKind.Null, null);
            default:
                problems.Add(FlatErrorCodes.WrongValueKind,
                    $"a FLAT value is a string, number, boolean or null, not {(reader.TokenType == JsonTokenType.StartArray ? "an array" : "an object")}",
                    key, offset);
                reader.Skip();
                return null;
        }
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
