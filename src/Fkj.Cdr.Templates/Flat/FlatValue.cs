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
/// and whether the decoder has used it: what no reader used at the end is reported as unknown.
/// </summary>
internal sealed class FlatValue(string key, long offset, FlatValueKind kind, string? text)
{
    /// <summary>The whole FLAT key, e.g. <c>vital_signs/blood_pressure:0/any_event:0/systolic|magnitude</c>.</summary>
    public string Key { get; } = key;

    /// <summary>Byte offset of the key (FLAT) or the value (STRUCTURED) in the input, for line and column.</summary>
    public long Offset { get; } = offset;

    public FlatValueKind Kind { get; } = kind;

    /// <summary>The string, or the number as written; null for booleans and null.</summary>
    public string? Text { get; } = text;

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
