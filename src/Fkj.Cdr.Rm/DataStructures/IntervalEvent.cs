using Fkj.Cdr.Rm.DataTypes;
using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.DataStructures;

/// <summary>INTERVAL_EVENT: an event summarising an interval ending at its time, e.g. a 24-hour average.</summary>
public sealed class IntervalEvent : Event
{
    public DvDuration Width { get; set; } = null!;

    public int? SampleCount { get; set; }

    /// <summary>How the data was derived over the interval, e.g. mean or maximum.</summary>
    public DvCodedText MathFunction { get; set; } = null!;

    public new static readonly RmType Meta = RmType.Concrete("INTERVAL_EVENT", () => new IntervalEvent())
        .Object<DvDuration>("width", o => o.Width, (o, v) => o.Width = v, required: true)
        .Integer("sample_count", o => o.SampleCount, (o, v) => o.SampleCount = v)
        .Object<DvCodedText>("math_function", o => o.MathFunction, (o, v) => o.MathFunction = v, required: true);

    public override RmType RmType => Meta;
}
