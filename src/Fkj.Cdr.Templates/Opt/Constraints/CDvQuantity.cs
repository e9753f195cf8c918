using Fkj.Cdr.Rm.DataTypes;

namespace Fkj.Cdr.Templates.Opt.Constraints;

/// <summary>C_DV_QUANTITY: allowed units, each with an optional magnitude range and precision.</summary>
public sealed class CDvQuantity : CObject
{
    /// <summary>The physical property, an openehr-terminology code (e.g. 125 = pressure).</summary>
    public CodePhrase? Property { get; init; }

    /// <summary>Allowed unit rows; empty means any units.</summary>
    public IReadOnlyList<CQuantityItem> Items { get; init; } = [];

    /// <summary>The value assumed when none is recorded (magnitude, units and precision only).</summary>
    public DvQuantity? AssumedValue { get; init; }
}

/// <summary>One allowed unit of a C_DV_QUANTITY.</summary>
public sealed record CQuantityItem(string Units, Interval<double>? Magnitude, Interval<int>? Precision, string? UnitsSystem = null, string? UnitsDisplayName = null);
