using System.Text;
using System.Text.Json;

namespace Fkj.Cdr.Templates.Flat;

/// <summary>
/// Streams a STRUCTURED document into a <see cref="FlatInput"/>, turning each value into the FLAT key it
/// stands for, as the openEHR SDK does: an object's keys are path segments (<c>|x</c> keys are suffixes, an
/// empty key is the object's own path), the elements of an array are the occurrences <c>:0</c>, <c>:1</c>, …
/// of the path that holds it. Top-level <c>ctx</c> keys (<c>"ctx": {…}</c> or <c>"ctx/language"</c>) become <c>ctx/…</c>.
/// </summary>
internal static class StructuredJsonReader
{
    public static readonly JsonReaderOptions Options = new() { MaxDepth = 2 * FlatInput.MaxSegments };

    public static bool Read(ReadOnlySpan<byte> utf8, FlatInput input, FlatProblems problems)
    {
        if (!FlatJsonReader.CheckUtf8(utf8, problems)) return false;
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
                problems.Add(FlatErrorCodes.Syntax, "a STRUCTURED document is a JSON object with the template root as its key", "", reader.TokenStartIndex);
                return false;
            }

            var path = new StringBuilder();
            ReadObject(ref reader, path, input, problems);
            if (reader.Read())
            {
                problems.Add(FlatErrorCodes.Syntax, "unexpected content after the STRUCTURED object", "", reader.TokenStartIndex);
                return false;
            }
        }
        catch (JsonException e)
        {
            problems.Add(FlatErrorCodes.Syntax, FlatJsonReader.SyntaxMessage(e), "", FlatJsonReader.OffsetOf(utf8, e));
            return false;
        }

        return true;
    }

    private static void ReadObject(ref Utf8JsonReader reader, StringBuilder path, FlatInput input, FlatProblems problems)
    {
        var length = path.Length;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            if (name.StartsWith('|') || name.Length == 0 || path.Length == 0) path.Append(name);
            else path.Append('/').Append(name);
            reader.Read();
            ReadNode(ref reader, path, input, problems);
            path.Length = length;
        }
    }

    private static void ReadNode(ref Utf8JsonReader reader, StringBuilder path, FlatInput input, FlatProblems problems)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                ReadObject(ref reader, path, input, problems);
                break;
            case JsonTokenType.StartArray:
            {
                var length = path.Length;
                var suffixed = LastSegmentHasSuffix(path);
                var index = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType == JsonTokenType.StartArray)
                    {
                        problems.Add(FlatErrorCodes.WrongValueKind, "an array directly inside an array has no FLAT path", path.ToString(), reader.TokenStartIndex);
                        reader.Skip();
                        index++;
                        continue;
                    }

                    if (index > 0)
                    {
                        if (suffixed)
                        {
                            problems.Add(FlatErrorCodes.WrongValueKind, "a '|suffix' takes one value, not several", path.ToString(), reader.TokenStartIndex);
                            reader.Skip();
                            index++;
                            continue;
                        }

                        path.Append(':').Append(index);
                    }

                    ReadNode(ref reader, path, input, problems);
                    path.Length = length;
                    index++;
                }

                break;
            }
            default:
                var key = path.ToString();
                if (FlatJsonReader.ReadScalar(ref reader, out var kind, out var text)) input.Add(new FlatValue(key, reader.TokenStartIndex, kind, text));
                else FlatJsonReader.RefuseComposite(ref reader, key, reader.TokenStartIndex, problems);
                break;
        }
    }

    private static bool LastSegmentHasSuffix(StringBuilder path)
    {
        for (var i = path.Length - 1; i >= 0; i--)
        {
            if (path[i] == '|') return true;
            if (path[i] == '/') return false;
        }

        return false;
    }
}
