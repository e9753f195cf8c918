namespace Fkj.Cdr.Templates.Flat;

/// <summary>The JSON kind of a FLAT value.</summary>
internal enum FlatValueKind : byte
{
    String,
    Number,
    True,
    False,
    Null,
}

/// <summary>
/// One value of a FLAT document with the key it came with (the error path) and the offset of that key,
/// and whether the decoder has used it: what no reader used at the end is reported as unknown. A key read
/// from a FLAT document stays in the document's <see cref="FlatKeyBuffer"/> until a message asks for it.
/// </summary>
internal sealed class FlatValue
{
    private readonly FlatKeyBuffer? keys;
    private readonly int keyStart;
    private readonly int keyLength;
    private string? key;

    public FlatValue(string key, long offset, FlatValueKind kind, string? text)
    {
        this.key = key;
        Offset = offset;
        Kind = kind;
        Text = text;
    }

    public FlatValue(FlatKeyBuffer keys, (int Start, int Length) key, long offset, FlatValueKind kind, string? text)
    {
        this.keys = keys;
        (keyStart, keyLength) = key;
        Offset = offset;
        Kind = kind;
        Text = text;
    }

    /// <summary>The whole FLAT key, e.g. <c>vital_signs/blood_pressure:0/any_event:0/systolic|magnitude</c>.</summary>
    public string Key => key ??= keys!.ToString(keyStart, keyLength);

    /// <summary>The key without making it a string.</summary>
    public ReadOnlySpan<char> KeySpan => key is not null ? key.AsSpan() : keys!.Span(keyStart, keyLength);

    /// <summary>Byte offset of the key (FLAT) or the value (STRUCTURED) in the input, for line and column.</summary>
    public long Offset { get; }

    public FlatValueKind Kind { get; }

    /// <summary>The string, or the number as written; null for booleans and null.</summary>
    public string? Text { get; }

    public bool Consumed { get; set; }

    public bool IsNull => Kind == FlatValueKind.Null;

    public string Describe() => Kind switch
    {
        FlatValueKind.String => "a string",
        FlatValueKind.Number => "a number",
        FlatValueKind.True or FlatValueKind.False => "a boolean",
        _ => "null",
    };
}
