using Fkj.Cdr.Rm.DataTypes;

namespace Fkj.Cdr.Templates.Opt.Constraints;

/// <summary>C_DV_SCALE: the allowed DV_SCALE values, each a real number paired with a coded symbol.</summary>
public sealed class CDvScale : CObject
{
    public IReadOnlyList<ScaleOption> Options { get; init; } = [];

    public ScaleOption? AssumedValue { get; init; }
}

public sealed record ScaleOption(double Value, CodePhrase Symbol);
