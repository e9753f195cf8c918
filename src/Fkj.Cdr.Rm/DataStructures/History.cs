using Fkj.Cdr.Rm.DataTypes;
using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.DataStructures;

/// <summary>HISTORY: a series of events recorded against a common origin, e.g. readings over 24 hours.</summary>
public sealed class History : DataStructure
{
    public DvDateTime Origin { get; set; } = null!;

    /// <summary>Set only for periodic series, where events are spaced regularly.</summary>
    public DvDuration? Period { get; set; }

    public DvDuration? Duration { get; set; }

    public List<Event>? Events { get; set; }

    public ItemStructure? Summary { get; set; }

    public new static readonly RmType Meta = RmType.Concrete("HISTORY", () => new History())
        .Object<DvDateTime>("origin", o => o.Origin, (o, v) => o.Origin = v, required: true)
        .Object<DvDuration>("period", o => o.Period, (o, v) => o.Period = v)
        .Object<DvDuration>("duration", o => o.Duration, (o, v) => o.Duration = v)
        .List<Event>("events", o => o.Events, (o, v) => o.Events = v)
        .Object<ItemStructure>("summary", o => o.Summary, (o, v) => o.Summary = v);

    public override RmType RmType => Meta;
}
