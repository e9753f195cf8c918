namespace Fkj.Cdr.Templates.Flat;

/// <summary>Options for decoding FLAT and STRUCTURED documents.</summary>
public sealed record FlatDecodeOptions
{
    public static readonly FlatDecodeOptions Default = new();

    /// <summary>
    /// The instant used where the openEHR SDK uses "now": a composition without <c>ctx/time</c> gets it as the
    /// context's start time, an action without time as its time (and <c>ctx/time: "now"</c> means it).
    /// Null: the clock at decoding. Tests set it for reproducible output.
    /// </summary>
    public DateTimeOffset? Now { get; init; }
}
