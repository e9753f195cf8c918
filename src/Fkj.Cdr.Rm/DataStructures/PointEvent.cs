using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.DataStructures;

/// <summary>POINT_EVENT: an event at a single point in time.</summary>
public sealed class PointEvent : Event
{
    public new static readonly RmType Meta = RmType.Concrete("POINT_EVENT", () => new PointEvent());

    public override RmType RmType => Meta;
}
