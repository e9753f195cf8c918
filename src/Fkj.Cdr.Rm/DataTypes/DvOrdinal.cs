using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.DataTypes;

/// <summary>DV_ORDINAL: a coded symbol with an integer rank, e.g. a score item or "+", "++", "+++".</summary>
public sealed class DvOrdinal : DvOrdered
{
    public int Value { get; set; }

    public DvCodedText Symbol { get; set; } = new();

    public new static readonly RmType Meta = RmType.Concrete("DV_ORDINAL", () => new DvOrdinal())
        .Integer("value", o => o.Value, (o, v) => o.Value = v, required: true)
        .Object<DvCodedText>("symbol", o => o.Symbol, (o, v) => o.Symbol = v, required: true);

    public override RmType RmType => Meta;
}
