namespace Fkj.Cdr.Templates.Opt.Primitives;

/// <summary>C_REAL: a list of allowed reals or a range.</summary>
public sealed class CReal : CPrimitive
{
    public override string TypeName => "REAL";

    public IReadOnlyList<double> List { get; init; } = [];

    public Interval<double>? Range { get; init; }

    public double? AssumedValue { get; init; }
}
