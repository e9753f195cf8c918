using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.DataTypes;

/// <summary>DV_COUNT: a count of things, without units.</summary>
public sealed class DvCount : DvAmount
{
    public long Magnitude { get; set; }

    public new static readonly RmType Meta = RmType.Concrete("DV_COUNT", () => new DvCount())
        .Integer64("magnitude", o => o.Magnitude, (o, v) => o.Magnitude = v, required: true);

    public override RmType RmType => Meta;
}
