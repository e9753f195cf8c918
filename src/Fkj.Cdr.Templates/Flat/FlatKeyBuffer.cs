using System.Buffers;
using System.Text.Json;

namespace Fkj.Cdr.Templates.Flat;

/// <summary>
/// The keys of one FLAT document, unescaped into one pooled character buffer instead of a string each: the
/// decoder walks a key as a span, and a <see cref="FlatValue"/> makes its key a string only when a message
/// needs it. Lives for one decode; <see cref="Dispose"/> gives the buffer back, after which no key may be read.
/// </summary>
internal sealed class FlatKeyBuffer : IDisposable
{
    private char[]? buffer = ArrayPool<char>.Shared.Rent(8192);
    private int length;

    /// <summary>Appends the property name at the reader; returns where it starts and how long it is.</summary>
    public (int Start, int Length) Append(ref Utf8JsonReader reader)
    {
        // Unescaped UTF-16 is never longer (in chars) than the UTF-8 (in bytes) it comes from.
        Ensure(reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length);
        var start = length;
        length += reader.CopyString(buffer.AsSpan(length));
        return (start, length - start);
    }

    public ReadOnlySpan<char> Span(int start, int count) => buffer.AsSpan(start, count);

    public string ToString(int start, int count) => new(buffer!, start, count);

    public void Dispose()
    {
        if (buffer is null) return;
        ArrayPool<char>.Shared.Return(buffer);
        buffer = null;
    }

    private void Ensure(int more)
    {
        if (buffer!.Length - length >= more) return;
        var larger = ArrayPool<char>.Shared.Rent(Math.Max(buffer.Length * 2, length + more));
        buffer.AsSpan(0, length).CopyTo(larger);
        ArrayPool<char>.Shared.Return(buffer);
        buffer = larger;
    }
}
