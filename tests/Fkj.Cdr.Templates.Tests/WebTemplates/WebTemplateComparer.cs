using System.Globalization;
using System.Text.Json;

namespace Fkj.Cdr.Templates.Tests.WebTemplates;

/// <summary>
/// Compares two web template JSON documents field by field. Nodes are matched by <c>id</c>, inputs by
/// <c>suffix</c>, list values by <c>value</c> (a repeated key gets <c>#2</c>, <c>#3</c>), so one
/// missing node is one difference, not a cascade; the order of children, inputs and values is
/// compared separately. A difference is reported at a JSON path built from those keys, e.g.
/// <c>/tree/bericht/context/setting/inputs[code]/list[433]/label</c>. Numbers compare by value, a
/// numeric string equals the number, absent equals null, empty arrays and objects.
/// </summary>
public static class WebTemplateComparer
{
    /// <param name="Expected">The golden file's value as JSON text, null where it has none.</param>
    /// <param name="Actual">Our value as JSON text, null where we have none.</param>
    public sealed record Difference(string Path, string What, string? Expected = null, string? Actual = null)
    {
        public override string ToString() => $"{Path}: {What}";

        /// <summary>The golden value as a string, for string values.</summary>
        public string? ExpectedText => Expected is null ? null : JsonSerializer.Deserialize<JsonElement>(Expected) is { ValueKind: JsonValueKind.String } e ? e.GetString() : Expected;

        public string? ActualText => Actual is null ? null : JsonSerializer.Deserialize<JsonElement>(Actual) is { ValueKind: JsonValueKind.String } a ? a.GetString() : Actual;
    }

    public sealed record Result(int NodesCompared, List<Difference> Differences);

    public static Result Compare(JsonElement expected, JsonElement actual)
    {
        var differences = new List<Difference>();
        var nodes = 0;
        foreach (var key in new[] { "templateId", "version", "defaultLanguage", "languages" })
            CompareValue(Get(expected, key), Get(actual, key), "/" + key, differences);
        var expectedTree = Get(expected, "tree");
        var actualTree = Get(actual, "tree");
        if (expectedTree is { } e && actualTree is { } a)
        {
            var id = Text(e, "id") ?? "?";
            if (Text(a, "id") != id) differences.Add(new Difference("/tree", $"root id {Text(a, "id")}, expected {id}"));
            CompareNode(e, a, "/tree/" + id, differences, ref nodes);
        }

        return new Result(nodes, differences);
    }

    private static void CompareNode(JsonElement expected, JsonElement actual, string path, List<Difference> differences, ref int nodes)
    {
        nodes++;
        foreach (var property in Keys(expected, actual))
        {
            switch (property)
            {
                case "children":
                    CompareChildren(expected, actual, path, differences, ref nodes);
                    break;
                case "inputs":
                    CompareKeyed(Get(expected, "inputs"), Get(actual, "inputs"), path + "/inputs", i => Text(i, "suffix") ?? "", CompareInput, differences);
                    break;
                default:
                    CompareValue(Get(expected, property), Get(actual, property), path + "/" + property, differences);
                    break;
            }
        }
    }

    private static void CompareChildren(JsonElement expected, JsonElement actual, string path, List<Difference> differences, ref int nodes)
    {
        var expectedChildren = Keyed(Get(expected, "children"), c => Text(c, "id") ?? "");
        var actualChildren = Keyed(Get(actual, "children"), c => Text(c, "id") ?? "");
        foreach (var (key, child) in expectedChildren)
        {
            if (actualChildren.Find(k => k.Key == key) is { Key: not null } match)
                CompareNode(child, match.Value, $"{path}/{key}", differences, ref nodes);
            else
                differences.Add(new Difference($"{path}/{key}", "node missing from output", child.GetRawText()));
        }

        foreach (var (key, child) in actualChildren.Where(a => expectedChildren.All(e => e.Key != a.Key)))
            differences.Add(new Difference($"{path}/{key}", "node not in the golden file", null, child.GetRawText()));
        CompareOrder(expectedChildren.Select(c => c.Key), actualChildren.Select(c => c.Key), path + "/children", differences);
    }

    private static void CompareInput(JsonElement expected, JsonElement actual, string path, List<Difference> differences)
    {
        foreach (var property in Keys(expected, actual))
        {
            if (property == "list")
                CompareKeyed(Get(expected, "list"), Get(actual, "list"), path + "/list", v => Text(v, "value") ?? "", CompareObject, differences);
            else
                CompareValue(Get(expected, property), Get(actual, property), path + "/" + property, differences);
        }
    }

    private static void CompareObject(JsonElement expected, JsonElement actual, string path, List<Difference> differences) =>
        CompareValue(expected, actual, path, differences);

    private static void CompareKeyed(
        JsonElement? expected, JsonElement? actual, string path, Func<JsonElement, string> key,
        Action<JsonElement, JsonElement, string, List<Difference>> compare, List<Difference> differences)
    {
        var e = Keyed(expected, key);
        var a = Keyed(actual, key);
        foreach (var (k, item) in e)
        {
            if (a.Find(x => x.Key == k) is { Key: not null } match) compare(item, match.Value, $"{path}[{k}]", differences);
            else differences.Add(new Difference($"{path}[{k}]", "missing from output", item.GetRawText()));
        }

        foreach (var (k, item) in a.Where(x => e.All(y => y.Key != x.Key)))
            differences.Add(new Difference($"{path}[{k}]", "not in the golden file", null, item.GetRawText()));
        CompareOrder(e.Select(x => x.Key), a.Select(x => x.Key), path, differences);
    }

    private static void CompareOrder(IEnumerable<string> expected, IEnumerable<string> actual, string path, List<Difference> differences)
    {
        var e = expected.ToList();
        var a = actual.ToList();
        var common = e.Intersect(a).ToHashSet();
        var eo = e.Where(common.Contains).ToList();
        var ao = a.Where(common.Contains).ToList();
        if (!eo.SequenceEqual(ao))
            differences.Add(new Difference(path, $"order: expected [{string.Join(", ", eo)}], found [{string.Join(", ", ao)}]",
                JsonSerializer.Serialize(eo), JsonSerializer.Serialize(ao)));
    }

    /// <summary>Items with their keys; a key seen before gets #2, #3.</summary>
    private static List<KeyValuePair<string, JsonElement>> Keyed(JsonElement? array, Func<JsonElement, string> key)
    {
        var result = new List<KeyValuePair<string, JsonElement>>();
        if (array is not { ValueKind: JsonValueKind.Array } items) return result;
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in items.EnumerateArray())
        {
            var k = key(item);
            var n = seen[k] = seen.GetValueOrDefault(k) + 1;
            result.Add(new(n == 1 ? k : $"{k}#{n}", item));
        }

        return result;
    }

    private static void CompareValue(JsonElement? expected, JsonElement? actual, string path, List<Difference> differences)
    {
        var e = IsAbsent(expected) ? null : expected;
        var a = IsAbsent(actual) ? null : actual;
        if (e is null && a is null) return;
        if (e is null)
        {
            differences.Add(new Difference(path, $"not in the golden file: {Short(a!.Value)}", null, a.Value.GetRawText()));
            return;
        }

        if (a is null)
        {
            differences.Add(new Difference(path, $"missing from output, expected {Short(e.Value)}", e.Value.GetRawText()));
            return;
        }

        var ev = e.Value;
        var av = a.Value;
        if (Number(ev) is { } en && Number(av) is { } an)
        {
            if (en != an) differences.Add(new Difference(path, $"expected {Short(ev)}, found {Short(av)}", ev.GetRawText(), av.GetRawText()));
            return;
        }

        if (ev.ValueKind != av.ValueKind && !(IsBoolean(ev) && IsBoolean(av)))
        {
            differences.Add(new Difference(path, $"expected {Short(ev)}, found {Short(av)}", ev.GetRawText(), av.GetRawText()));
            return;
        }

        switch (ev.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var key in Keys(ev, av)) CompareValue(Get(ev, key), Get(av, key), $"{path}/{key}", differences);
                break;
            case JsonValueKind.Array:
                var ei = ev.EnumerateArray().ToList();
                var ai = av.EnumerateArray().ToList();
                if (ei.Count != ai.Count)
                {
                    differences.Add(new Difference(path, $"expected {Short(ev)}, found {Short(av)}", ev.GetRawText(), av.GetRawText()));
                    break;
                }

                for (var i = 0; i < ei.Count; i++) CompareValue(ei[i], ai[i], $"{path}/{i}", differences);
                break;
            case JsonValueKind.String:
                if (ev.GetString() != av.GetString()) differences.Add(new Difference(path, $"expected {Short(ev)}, found {Short(av)}", ev.GetRawText(), av.GetRawText()));
                break;
            case JsonValueKind.True or JsonValueKind.False:
                if (ev.GetBoolean() != av.GetBoolean()) differences.Add(new Difference(path, $"expected {Short(ev)}, found {Short(av)}", ev.GetRawText(), av.GetRawText()));
                break;
        }
    }

    private static IEnumerable<string> Keys(JsonElement expected, JsonElement actual) =>
        expected.EnumerateObject().Select(p => p.Name)
            .Concat(actual.ValueKind == JsonValueKind.Object ? actual.EnumerateObject().Select(p => p.Name) : [])
            .Distinct(StringComparer.Ordinal);

    private static JsonElement? Get(JsonElement element, string key) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(key, out var value) ? value : null;

    private static JsonElement? Get(JsonElement? element, string key) => element is { } e ? Get(e, key) : null;

    private static string? Text(JsonElement element, string key) =>
        Get(element, key) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static bool IsAbsent(JsonElement? element) =>
        element is null
        || element.Value.ValueKind == JsonValueKind.Null
        || (element.Value.ValueKind == JsonValueKind.Array && element.Value.GetArrayLength() == 0)
        || (element.Value.ValueKind == JsonValueKind.Object && !element.Value.EnumerateObject().Any());

    private static double? Number(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.String when double.TryParse(element.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    private static bool IsBoolean(JsonElement e) => e.ValueKind is JsonValueKind.True or JsonValueKind.False;

    private static string Short(JsonElement e)
    {
        var text = e.GetRawText();
        return text.Length > 120 ? text[..120] + "…" : text;
    }
}
