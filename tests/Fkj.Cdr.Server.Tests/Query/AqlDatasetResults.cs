using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fkj.Cdr.Server.Tests.Query;

/// <summary>
/// How a result set's rows are compared with a case's expected rows (Query/Cases/README.md, "Comparing"): bindings
/// resolved; a <c>$fixture</c> cell read from its fixture file; objects compared as trees (key order ignored, a
/// <c>_type</c> the expected object leaves out is not a difference, <c>$except</c> pointers removed from both);
/// numbers by value, reals with a relative tolerance of 1e-9; rows as a multiset unless the case is ordered.
/// </summary>
public static class AqlDatasetResults
{
    public const double Tolerance = 1e-9;

    /// <summary>The JSON at an RFC 6901 pointer ("" is the whole document), or null.</summary>
    public static JsonNode? AtPointer(JsonNode? node, string pointer)
    {
        if (pointer.Length == 0) return node;
        foreach (var raw in pointer.Split('/').Skip(1))
        {
            var token = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            node = node switch
            {
                JsonObject o => o[token],
                JsonArray a when int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < a.Count => a[i],
                _ => null,
            };
            if (node is null) return null;
        }
        return node;
    }

    /// <summary>The differences between expected and actual rows, empty when they match.</summary>
    public static List<string> Differences(JsonArray expectedRows, JsonArray actualRows, bool ordered, AqlDatasetBindings bindings)
    {
        var expected = expectedRows.Select(r => r!.AsArray().Select(cell => Expected(cell, bindings)).ToList()).ToList();
        var actual = actualRows.Select(r => r!.AsArray().ToList()).ToList();
        var differences = new List<string>();
        if (expected.Count != actual.Count) differences.Add($"expected {expected.Count} rows, found {actual.Count}");
        if (ordered)
        {
            for (var i = 0; i < Math.Min(expected.Count, actual.Count); i++)
            {
                if (!RowMatches(expected[i], actual[i])) differences.Add($"row {i}: expected {Show(expected[i])}, found {Show(actual[i])}");
            }
            return differences;
        }
        var unmatched = actual.ToList();
        foreach (var row in expected)
        {
            var index = unmatched.FindIndex(a => RowMatches(row, a));
            if (index < 0) differences.Add($"expected row not found: {Show(row)}");
            else unmatched.RemoveAt(index);
        }
        differences.AddRange(unmatched.Select(r => $"unexpected row: {JsonSerializer.Serialize(r)}"));
        return differences;
    }

    /// <summary>An expected cell with its bindings resolved and a $fixture reference read.</summary>
    public static ExpectedCell Expected(JsonNode? cell, AqlDatasetBindings bindings)
    {
        if (cell is JsonObject o && o["$fixture"] is { } file)
        {
            var json = JsonNode.Parse(File.ReadAllText(AqlDatasetManifest.Load().FullPath((string)file!)));
            var value = AtPointer(json, (string?)o["$pointer"] ?? "")?.DeepClone()
                ?? throw new InvalidDataException($"{file}: no {(string?)o["$pointer"]}");
            var except = o["$except"]?.AsArray().Select(p => (string)p!).ToList() ?? [];
            return new ExpectedCell(value, except);
        }
        return new ExpectedCell(bindings.Resolve(cell), []);
    }

    private static bool RowMatches(List<ExpectedCell> expected, List<JsonNode?> actual) =>
        expected.Count == actual.Count && expected.Zip(actual).All(p => CellMatches(p.First, p.Second));

    private static bool CellMatches(ExpectedCell expected, JsonNode? actual)
    {
        if (expected.Except.Count == 0) return ValueMatches(expected.Value, actual);
        var copy = actual?.DeepClone();
        foreach (var pointer in expected.Except) Remove(copy, pointer);
        return ValueMatches(expected.Value, copy);
    }

    private static void Remove(JsonNode? node, string pointer)
    {
        var cut = pointer.LastIndexOf('/');
        if (AtPointer(node, pointer[..cut]) is JsonObject parent) parent.Remove(pointer[(cut + 1)..]);
    }

    private static bool ValueMatches(JsonNode? expected, JsonNode? actual)
    {
        if (expected is null || actual is null) return expected is null && actual is null;
        var differences = JsonTreeComparer.Differences(JsonDocument.Parse(expected.ToJsonString()).RootElement, JsonDocument.Parse(actual.ToJsonString()).RootElement);
        if (differences.Count == 0) return true;
        // Reals: the tree comparer is exact; allow the tolerance for a bare number.
        return expected is JsonValue ev && actual is JsonValue av
            && ev.GetValueKind() == JsonValueKind.Number && av.GetValueKind() == JsonValueKind.Number
            && Math.Abs(Number(ev) - Number(av)) <= Tolerance * Math.Max(1, Math.Abs(Number(ev)));
    }

    private static double Number(JsonValue value) => double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string Show(IEnumerable<ExpectedCell> row) => "[" + string.Join(", ", row.Select(c => c.Value?.ToJsonString() ?? "null")) + "]";

    private static string Show(IEnumerable<JsonNode?> row) => "[" + string.Join(", ", row.Select(c => c?.ToJsonString() ?? "null")) + "]";
}

/// <summary>An expected cell: the value and the pointers left out of the comparison.</summary>
public sealed record ExpectedCell(JsonNode? Value, IReadOnlyList<string> Except);
