namespace Fkj.Cdr.Templates.Opt.Primitives;

/// <summary>
/// C_DATE, C_TIME, C_DATE_TIME and C_DURATION: an ADL pattern (<c>yyyy-mm-ddTHH:MM:SS</c>,
/// <c>yyyy-??-XX</c>, <c>PDTH</c>) and/or a range, kept as written in the OPT. The validator
/// interprets them; the model does not.
/// </summary>
public sealed class CTemporal : CPrimitive
{
    public CTemporal(string typeName) => TypeName = typeName;

    /// <summary><c>DATE</c>, <c>TIME</c>, <c>DATE_TIME</c> or <c>DURATION</c>.</summary>
    public override string TypeName { get; }

    public string? Pattern { get; init; }

    /// <summary>The range bounds as ISO 8601 text; either may be null (unbounded).</summary>
    public string? RangeLower { get; init; }

    public string? RangeUpper { get; init; }

    public bool RangeLowerIncluded { get; init; } = true;

    public bool RangeUpperIncluded { get; init; } = true;

    public string? AssumedValue { get; init; }
}
