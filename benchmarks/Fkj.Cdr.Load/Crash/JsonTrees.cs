using System.Globalization;
using System.Text.Json;

namespace Fkj.Cdr.Load.Crash;

/// <summary>
/// Compares two JSON documents as trees: members in any order, numbers by value (the server's codec writes
/// <c>95.0</c> as <c>95</c>), strings exactly. The root's <c>uid</c> is left out: the server gives it.
/// </summary>
public static class JsonTrees
{
    /// <summary>Null when the documents are the same tree, else the JSON path of the first difference.</summary>
    public static string? FirstDifference(ReadOnlySpan<byte> expected, ReadOnlySpan<byte> actual)
    {
        var options = new JsonReaderOptions { MaxDepth = 512 };
        var readerA = new Utf8JsonReader(expected, options);
        var readerB = new Utf8JsonReader(actual, options);
        using var a = JsonDocument.ParseValue(ref readerA);
        using var b = JsonDocument.ParseValue(ref readerB);
        return Compare(a.RootElement, b.RootElement, "$", ignoreUid: true);
    }

    private static string? Compare(JsonElement a, JsonElement b, string path, bool ignoreUid)
    {
        if (a.ValueKind != b.ValueKind)
        {
            return path;
        }
        switch (a.ValueKind)
        {
            case JsonValueKind.Object:
                var left = Members(a, ignoreUid);
                var right = Members(b, ignoreUid);
                if (left.Count != right.Count)
                {
                    return path + "." + (left.Keys.Except(right.Keys).Concat(right.Keys.Except(left.Keys)).FirstOrDefault() ?? "*");
                }
                foreach (var (name, value) in left)
                {
                    if (!right.TryGetValue(name, out var other))
                    {
                        return path + "." + name;
                    }
                    if (Compare(value, other, path + "." + name, ignoreUid: false) is { } difference)
                    {
                        return difference;
                    }
                }
                return null;
            case JsonValueKind.Array:
                if (a.GetArrayLength() != b.GetArrayLength())
                {
                    return path;
                }
                var i = 0;
                foreach (var (x, y) in a.EnumerateArray().Zip(b.EnumerateArray()))
                {
                    if (Compare(x, y, $"{path}[{i++}]", ignoreUid: false) is { } difference)
                    {
                        return difference;
                    }
                }
                return null;
            case JsonValueKind.String:
                return a.ValueEquals(b.GetString()) ? null : path;
            case JsonValueKind.Number:
                return SameNumber(a, b) ? null : path;
            default:
                return null; // true, false, null: the kinds matched
        }
    }

    private static Dictionary<string, JsonElement> Members(JsonElement obj, bool ignoreUid)
    {
        var members = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var p in obj.EnumerateObject())
        {
            if (!(ignoreUid && p.NameEquals("uid")))
            {
                members[p.Name] = p.Value;
            }
        }
        return members;
    }

    private static bool SameNumber(JsonElement a, JsonElement b)
    {
        if (a.GetRawText() == b.GetRawText())
        {
            return true;
        }
        if (decimal.TryParse(a.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
            && decimal.TryParse(b.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out var y))
        {
            return x == y;
        }
        return a.GetDouble().Equals(b.GetDouble());
    }
}
