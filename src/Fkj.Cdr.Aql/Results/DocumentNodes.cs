using System.Text.Json;
using Fkj.Cdr.Aql.Syntax;

namespace Fkj.Cdr.Aql.Results;

/// <summary>
/// A stored document (compact canonical JSON) with its LOCATABLE nodes in pre-order, numbered as the query index
/// numbers them: the root is 0, then every object that has an <c>archetype_node_id</c>, in document order (the
/// codec writes attributes in the RM's order, which is the order the index walks them). A node is found by the
/// last pre-order number of an index row's ancestors, and a value below it by following the path's tail.
/// </summary>
public sealed class DocumentNodes : IDisposable
{
    private readonly JsonDocument _document;
    private List<JsonElement>? _nodes;

    public DocumentNodes(string json) => _document = JsonDocument.Parse(json);

    public JsonElement Root => _document.RootElement;

    /// <summary>The node whose pre-order number is the last 16-bit number of <paramref name="ancestors"/> (the root when empty).</summary>
    public JsonElement? Node(ReadOnlySpan<byte> ancestors)
    {
        if (ancestors.Length < 2) return Root;
        var number = (ancestors[^2] << 8) | ancestors[^1];
        _nodes ??= Collect();
        return number < _nodes.Count ? _nodes[number] : null;
    }

    /// <summary>The values the attributes lead to from <paramref name="start"/>; a list step gives each item its predicate admits.</summary>
    public static List<JsonElement> Follow(JsonElement start, IEnumerable<PathPart> tail)
    {
        var current = new List<JsonElement> { start };
        foreach (var part in tail)
        {
            var next = new List<JsonElement>();
            foreach (var element in current)
            {
                if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(part.Attribute, out var value)) continue;
                if (value.ValueKind == JsonValueKind.Array)
                {
                    foreach (var item in value.EnumerateArray())
                    {
                        if (Admits(part.Predicate, item)) next.Add(item);
                    }
                }
                else if (Admits(part.Predicate, value))
                {
                    next.Add(value);
                }
            }
            current = next;
            if (current.Count == 0) break;
        }
        return current;
    }

    private static bool Admits(PathPredicate? predicate, JsonElement item) => predicate switch
    {
        null => true,
        NodePredicate node => item.ValueKind == JsonValueKind.Object && item.TryGetProperty("archetype_node_id", out var id)
                              && id.ValueEquals(node.NodeId)
                              && (node.Name is not StringLiteral name
                                  || item.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.Object
                                     && n.TryGetProperty("value", out var text) && text.ValueEquals(name.Value)),
        _ => true,
    };

    private List<JsonElement> Collect()
    {
        var nodes = new List<JsonElement>(64);
        Walk(Root, nodes, isRoot: true);
        return nodes;
    }

    private static void Walk(JsonElement element, List<JsonElement> nodes, bool isRoot)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (isRoot || element.TryGetProperty("archetype_node_id", out _)) nodes.Add(element);
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                    {
                        Walk(property.Value, nodes, isRoot: false);
                    }
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, nodes, isRoot: false);
                }
                break;
        }
    }

    public void Dispose() => _document.Dispose();
}
