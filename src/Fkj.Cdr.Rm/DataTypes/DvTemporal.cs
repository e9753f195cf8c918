using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.DataTypes;

/// <summary>DV_TEMPORAL: a point in time (date, time or date-time) with an optional accuracy.</summary>
public abstract class DvTemporal : DvQuantified
{
    public DvDuration? Accuracy { get; set; }

    public new static readonly RmType Meta = RmType.Abstract<DvTemporal>("DV_TEMPORAL")
        .Object<DvDuration>("accuracy", o => o.Accuracy, (o, v) => o.Accuracy = v);
}
