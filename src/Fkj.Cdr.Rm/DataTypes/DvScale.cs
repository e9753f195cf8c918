using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.DataTypes;

/// <summary>DV_SCALE: like DV_ORDINAL but with a real-valued rank (RM 1.1), for scores with decimal values.</summary>
public sealed class DvScale : DvOrdered
{
    public double Value { get; set; }

    public DvCodedText Symbol { get; set; } = new();

    // Not in the XSD (new in RM 1.1); same shape and order as DV_ORDINAL.
    public new static readonly RmType Meta = RmType.Concrete("DV_SCALE", () => new DvScale())
        .Real("value", o => o.Value, (o, v) => o.Value = v, required: true)
        .Object<DvCodedText>("symbol", o => o.Symbol, (o, v) => o.Symbol = v, required: true);

    public override RmType RmType => Meta;
}
