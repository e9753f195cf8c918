using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Fkj.Cdr.Templates.Flat;

/// <summary>
/// Collects what the encoder writes as a tree and writes STRUCTURED: the root object under its id, every
/// other node an array of occurrences; an occurrence with only a plain value is that value, otherwise an
/// object of its children, its <c>|suffix</c> values and its plain value as <c>|value</c>.
/// </summary>
internal sealed class StructuredSink : FlatSink
{
    private readonly Node top = new();
    private readonly Stack<Node> stack = new();
    private Dictionary<string, bool>? context;

    public StructuredSink() => stack.Push(top);

    public override void Enter(string segment, int index, bool indexed)
    {
        var parent = stack.Peek();
        parent.Children ??= [];
        List<Node>? items = null;
        foreach (var (name, list) in parent.Children)
        {
            if (name != segment) continue;
            items = list;
            break;
        }

        if (items is null)
        {
            items = [];
            parent.Children.Add((segment, items));
        }

        while (items.Count <= index) items.Add(new Node());
        stack.Push(items[index]);
    }

    public override void Leave() => stack.Pop();

    public override void Write(string? suffix, string value) => Add(suffix, value);

    public override void Write(string? suffix, double value) => Add(suffix, value);

    public override void Write(string? suffix, long value) => Add(suffix, value);

    public override void Write(string? suffix, bool value) => Add(suffix, value);

    public override void Context(string name, bool value) => (context ??= new Dictionary<string, bool>(StringComparer.Ordinal))[name] = value;

    private void Add(string? suffix, object value) => (stack.Peek().Values ??= []).Add((suffix, value));

    public void WriteTo(IBufferWriter<byte> output, bool indented)
    {
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        writer.WriteStartObject();
        if (context is not null)
        {
            writer.WriteStartObject("ctx");
            foreach (var (name, value) in context) writer.WriteBoolean(name, value);
            writer.WriteEndObject();
        }

        foreach (var (name, items) in top.Children ?? [])
        {
            // The root is an object, not an array of one.
            writer.WritePropertyName(name);
            WriteNode(writer, items[0]);
        }

        writer.WriteEndObject();
    }

    private static void WriteNode(Utf8JsonWriter writer, Node node)
    {
        if (node.Children is null && node.Values is [(null, var only)])
        {
            WriteValue(writer, only);
            return;
        }

        writer.WriteStartObject();
        foreach (var (name, items) in node.Children ?? [])
        {
            if (items.All(IsEmpty)) continue;
            writer.WriteStartArray(name);
            foreach (var item in items) WriteNode(writer, item);
            writer.WriteEndArray();
        }

        foreach (var (suffix, value) in node.Values ?? [])
        {
            writer.WritePropertyName(suffix is null ? "|value" : "|" + suffix);
            WriteValue(writer, value);
        }

        writer.WriteEndObject();
    }

    /// <summary>An occurrence the encoder entered but wrote nothing in (a PARTY_SELF subject): left out unless a later index needs its place.</summary>
    private static bool IsEmpty(Node node) => node.Values is null && (node.Children is null || node.Children.All(c => c.Items.All(IsEmpty)));

    private static void WriteValue(Utf8JsonWriter writer, object value)
    {
        switch (value)
        {
            case string text:
                writer.WriteStringValue(text);
                break;
            case double number:
                writer.WriteNumberValue(number);
                break;
            case long integer:
                writer.WriteNumberValue(integer);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
        }
    }

    private sealed class Node
    {
        public List<(string Name, List<Node> Items)>? Children;
        public List<(string? Suffix, object Value)>? Values;
    }
}
