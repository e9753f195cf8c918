using Fkj.Cdr.Rm.DataTypes;

namespace Fkj.Cdr.Templates.Opt.Constraints;

/// <summary>C_DV_ORDINAL: the allowed ordinal values, each a number paired with a coded symbol.</summary>
public sealed class CDvOrdinal : CObject
{
    public IReadOnlyList<OrdinalOption> Options { get; init; } = [];

    public OrdinalOption? AssumedValue { get; init; }
}

public sealed record OrdinalOption(int Value, CodePhrase Symbol);
