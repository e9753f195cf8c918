using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.DataTypes;

/// <summary>DV_PROPORTION: a ratio, percentage, fraction or unitary value given as numerator and denominator.</summary>
public sealed class DvProportion : DvAmount
{
    public double Numerator { get; set; }

    public double Denominator { get; set; }

    /// <summary>PROPORTION_KIND: 0 ratio, 1 unitary, 2 percent, 3 fraction, 4 integer fraction.</summary>
    public int Type { get; set; }

    public int? Precision { get; set; }

    public new static readonly RmType Meta = RmType.Concrete("DV_PROPORTION", () => new DvProportion())
        .Real("numerator", o => o.Numerator, (o, v) => o.Numerator = v, required: true)
        .Real("denominator", o => o.Denominator, (o, v) => o.Denominator = v, required: true)
        .Integer("type", o => o.Type, (o, v) => o.Type = v, required: true)
        .Integer("precision", o => o.Precision, (o, v) => o.Precision = v);

    public override RmType RmType => Meta;
}
