using System.Text.Json;

namespace Fkj.Cdr.Testing;

/// <summary>
/// Compares two JSON documents as trees: key order and whitespace are ignored, numbers compare by
/// value, and a JSON null equals an absent key. One asymmetry follows ITS-JSON: input may omit
/// <c>_type</c> where the declared type is concrete, while our writer always emits it, so a
/// <c>_type</c> present only in <paramref name="actual"/> is not a difference.
/// </summary>
public static class JsonTreeComparer
{
    /// <param name="emptyArrayIsAbsent">
    /// Also treat an empty array as an absent key, for documents that went through XML, where a list
    /// is a run of repeated elements and an empty one leaves no trace.
    /// </param>
    public static List<string> Differences(JsonElement expected, JsonElement actual, bool emptyArrayIsAbsent = false)
    {
        var differences = new List<string>();
        Compare(expected, actual, "", differences, emptyArrayIsAbsent);
        return differences;
    }

    private static bool IsAbsent(JsonElement e, bool emptyArrayIsAbsent) =>
        e.ValueKind == JsonValueKind.Null
        || (emptyArrayIsAbsent && e.ValueKind == JsonValueKind.Array && e.GetArrayLength() == 0);

    private static void Compare(JsonElement expected, JsonElement actual, string path, List<string> differences, bool emptyArrayIsAbsent)
    {
        if (IsNumericString(expected) && actual.ValueKind == JsonValueKind.Number)
        {
            if (double.Parse(expected.GetString()!, System.Globalization.CultureInfo.InvariantCulture) != actual.GetDouble())
                differences.Add($"{path}: expected {expected.GetString()}, found {actual.GetRawText()}");
            return;
        }

        if (expected.ValueKind != actual.ValueKind && !(IsBoolean(expected) && IsBoolean(actual)))
        {
            differences.Add($"{path}: expected {expected.ValueKind} {Short(expected)}, found {actual.ValueKind} {Short(actual)}");
            return;
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var actualProperties = actual.EnumerateObject()
                    .Where(p => !IsAbsent(p.Value, emptyArrayIsAbsent))
                    .ToDictionary(p => p.Name, p => p.Value);
                foreach (var property in expected.EnumerateObject())
                {
                    if (IsAbsent(property.Value, emptyArrayIsAbsent)) continue;
                    if (actualProperties.Remove(property.Name, out var value))
                        Compare(property.Value, value, $"{path}/{property.Name}", differences, emptyArrayIsAbsent);
                    else
                        differences.Add($"{path}/{property.Name}: missing from output");
                }

                actualProperties.Remove("_type");
                differences.AddRange(actualProperties.Keys.Select(k => $"{path}/{k}: not in input"));
                break;
            case JsonValueKind.Array:
                var expectedItems = expected.EnumerateArray().ToList();
                var actualItems = actual.EnumerateArray().ToList();
                if (expectedItems.Count != actualItems.Count)
                    differences.Add($"{path}: expected {expectedItems.Count} items, found {actualItems.Count}");
                for (var i = 0; i < Math.Min(expectedItems.Count, actualItems.Count); i++)
                    Compare(expectedItems[i], actualItems[i], $"{path}/{i}", differences, emptyArrayIsAbsent);
                break;
            case JsonValueKind.Number:
                if (expected.GetDouble() != actual.GetDouble())
                    differences.Add($"{path}: expected {expected.GetRawText()}, found {actual.GetRawText()}");
                break;
            case JsonValueKind.String:
                if (expected.GetString() != actual.GetString())
                    differences.Add($"{path}: expected \"{expected.GetString()}\", found \"{actual.GetString()}\"");
                break;
            case JsonValueKind.True or JsonValueKind.False:
                if (expected.GetBoolean() != actual.GetBoolean())
                    differences.Add($"{path}: expected {expected.GetBoolean()}, found {actual.GetBoolean()}");
                break;
        }
    }

    private static bool IsNumericString(JsonElement e) =>
        e.ValueKind == JsonValueKind.String
        && double.TryParse(e.GetString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);

    private static bool IsBoolean(JsonElement e) => e.ValueKind is JsonValueKind.True or JsonValueKind.False;

    private static string Short(JsonElement e)
    {
        var text = e.GetRawText();
        return text.Length > 60 ? text[..60] + "…" : text;
    }
}
