namespace Fkj.Cdr.Templates.Opt.Primitives;

/// <summary>C_INTEGER: a list of allowed integers or a range.</summary>
public sealed class CInteger : CPrimitive
{
    public override string TypeName => "INTEGER";

    public IReadOnlyList<long> List { get; init; } = [];

    public Interval<long>? Range { get; init; }

    public long? AssumedValue { get; init; }
}
