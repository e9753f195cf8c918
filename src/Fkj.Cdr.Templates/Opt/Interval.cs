namespace Fkj.Cdr.Templates.Opt;

/// <summary>
/// An interval as ADL 1.4 states it. A null bound is unbounded; inclusion flags apply to bounded
/// sides only. Used for occurrences, existence, cardinality and numeric and temporal ranges.
/// </summary>
public readonly record struct Interval<T>(T? Lower, T? Upper, bool LowerIncluded = true, bool UpperIncluded = true)
    where T : struct, IComparable<T>
{
    public static Interval<T> Unbounded => new(null, null, false, false);

    public bool Contains(T value) =>
        (Lower is not { } lower || (LowerIncluded ? value.CompareTo(lower) >= 0 : value.CompareTo(lower) > 0))
        && (Upper is not { } upper || (UpperIncluded ? value.CompareTo(upper) <= 0 : value.CompareTo(upper) < 0));

    /// <summary>ADL notation, e.g. <c>0..*</c>, <c>|5.0..10.0|</c> or <c>|&gt;=0|</c>.</summary>
    public override string ToString() => (Lower, Upper) switch
    {
        (null, null) => "*",
        ({ } l, null) => $"{l}..*",
        (null, { } u) => $"{(UpperIncluded ? "<=" : "<")}{u}",
        ({ } l, { } u) => LowerIncluded && UpperIncluded ? $"{l}..{u}" : $"{(LowerIncluded ? "" : ">")}{l}..{(UpperIncluded ? "" : "<")}{u}",
    };
}
