using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.DataTypes;

/// <summary>DV_QUANTITY: a measured amount with units, e.g. 120 mm[Hg].</summary>
public sealed class DvQuantity : DvAmount
{
    public double Magnitude { get; set; }

    /// <summary>The physical property measured (RM 1.1).</summary>
    public CodePhrase? Property { get; set; }

    /// <summary>The units as a code of <see cref="UnitsSystem"/> (UCUM when absent), not a display form.</summary>
    public string Units { get; set; } = "";

    public string? UnitsSystem { get; set; }

    public string? UnitsDisplayName { get; set; }

    /// <summary>Decimal places to show; 0 means an integral quantity, -1 or absent means no limit.</summary>
    public int? Precision { get; set; }

    // The XSD has only magnitude, units, precision; the RM 1.1 additions sit where ITS-JSON puts them,
    // which keeps those three in XSD order.
    public new static readonly RmType Meta = RmType.Concrete("DV_QUANTITY", () => new DvQuantity())
        .Real("magnitude", o => o.Magnitude, (o, v) => o.Magnitude = v, required: true)
        .Object<CodePhrase>("property", o => o.Property, (o, v) => o.Property = v)
        .Text("units", o => o.Units, (o, v) => o.Units = v, required: true)
        .Text("units_system", o => o.UnitsSystem, (o, v) => o.UnitsSystem = v)
        .Text("units_display_name", o => o.UnitsDisplayName, (o, v) => o.UnitsDisplayName = v)
        .Integer("precision", o => o.Precision, (o, v) => o.Precision = v);

    public override RmType RmType => Meta;
}
