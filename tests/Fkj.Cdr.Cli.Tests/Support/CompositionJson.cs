using System.Text.Json;

namespace Fkj.Cdr.Cli.Tests.Support;

/// <summary>Reads a vital-signs composition's canonical JSON directly (no RM classes, nothing of the generator).</summary>
public sealed class CompositionJson(JsonElement root)
{
    public JsonElement Root { get; } = root;

    public static CompositionJson Parse(byte[] utf8) => new(JsonDocument.Parse(utf8).RootElement);

    /// <summary>The observation of <paramref name="archetypeId"/> in content, or null when absent.</summary>
    public JsonElement? Observation(string archetypeId)
    {
        foreach (var item in Root.GetProperty("content").EnumerateArray())
        {
            if (item.GetProperty("archetype_node_id").GetString() == archetypeId) return item;
        }

        return null;
    }

    /// <summary>The single event's data items of an observation.</summary>
    public JsonElement EventItems(string archetypeId) =>
        Event(archetypeId).GetProperty("data").GetProperty("items");

    public JsonElement Event(string archetypeId)
    {
        var events = (Observation(archetypeId) ?? throw new InvalidOperationException($"{archetypeId} is missing"))
            .GetProperty("data").GetProperty("events");
        Assert.Equal(1, events.GetArrayLength());
        return events[0];
    }

    /// <summary>The value of the element with <paramref name="nodeId"/> among <paramref name="items"/>, or null.</summary>
    public static JsonElement? Value(JsonElement items, string nodeId)
    {
        JsonElement? found = null;
        foreach (var item in items.EnumerateArray())
        {
            if (item.GetProperty("archetype_node_id").GetString() != nodeId) continue;
            Assert.Null(found); // at most one
            found = item.GetProperty("value");
        }

        return found;
    }

    public static JsonElement Required(JsonElement items, string nodeId) =>
        Value(items, nodeId) ?? throw new InvalidOperationException($"element {nodeId} is missing");
}
