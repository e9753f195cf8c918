using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Fkj.Cdr.Templates.Flat;

/// <summary>Writes FLAT: each value as one property, its key the current path and suffix, streamed to a <see cref="Utf8JsonWriter"/>.</summary>
internal sealed class FlatJsonSink : FlatSink, IDisposable
{
    private readonly Utf8JsonWriter writer;
    private char[] path = new char[256];
    private int length;
    private readonly Stack<int> lengths = new();

    public FlatJsonSink(IBufferWriter<byte> output, bool indented)
    {
        writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        writer.WriteStartObject();
    }

    public override void Enter(string segment, int index, bool indexed)
    {
        lengths.Push(length);
        if (length > 0) Append("/");
        Append(segment);
        if (!indexed) return;
        Append(":");
        Append(index.ToString(CultureInfo.InvariantCulture));
    }

    public override void Leave() => length = lengths.Pop();

    public override void Write(string? suffix, string value)
    {
        Key(suffix);
        writer.WriteStringValue(value);
    }

    public override void Write(string? suffix, double value)
    {
        Key(suffix);
        writer.WriteNumberValue(value);
    }

    public override void Write(string? suffix, long value)
    {
        Key(suffix);
        writer.WriteNumberValue(value);
    }

    public override void Write(string? suffix, bool value)
    {
        Key(suffix);
        writer.WriteBooleanValue(value);
    }

    public override void Context(string name, bool value) => writer.WriteBoolean("ctx/" + name, value);

    private void Key(string? suffix)
    {
        if (suffix is null)
        {
            writer.WritePropertyName(path.AsSpan(0, length));
            return;
        }

        var mark = length;
        Append("|");
        Append(suffix);
        writer.WritePropertyName(path.AsSpan(0, length));
        length = mark;
    }

    private void Append(string text)
    {
        if (length + text.Length > path.Length) Array.Resize(ref path, Math.Max(path.Length * 2, length + text.Length));
        text.CopyTo(path.AsSpan(length));
        length += text.Length;
    }

    public void Dispose()
    {
        writer.WriteEndObject();
        writer.Flush();
        writer.Dispose();
    }
}
