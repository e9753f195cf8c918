using Fkj.Cdr.Rm.Common;
using Fkj.Cdr.Rm.DataStructures;
using Fkj.Cdr.Rm.DataTypes;
using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.Content;

/// <summary>EVENT_CONTEXT: the clinical session (time, setting, place and participants) in which a composition was recorded.</summary>
public sealed class EventContext : Pathable
{
    public DvDateTime StartTime { get; set; } = null!;

    public DvDateTime? EndTime { get; set; }

    public string? Location { get; set; }

    public DvCodedText Setting { get; set; } = null!;

    public ItemStructure? OtherContext { get; set; }

    public PartyIdentified? HealthCareFacility { get; set; }

    public List<Participation>? Participations { get; set; }

    public new static readonly RmType Meta = RmType.Concrete("EVENT_CONTEXT", () => new EventContext())
        .Object<DvDateTime>("start_time", o => o.StartTime, (o, v) => o.StartTime = v, required: true)
        .Object<DvDateTime>("end_time", o => o.EndTime, (o, v) => o.EndTime = v)
        .Text("location", o => o.Location, (o, v) => o.Location = v)
        .Object<DvCodedText>("setting", o => o.Setting, (o, v) => o.Setting = v, required: true)
        .Object<ItemStructure>("other_context", o => o.OtherContext, (o, v) => o.OtherContext = v)
        .Object<PartyIdentified>("health_care_facility", o => o.HealthCareFacility, (o, v) => o.HealthCareFacility = v)
        .List<Participation>("participations", o => o.Participations, (o, v) => o.Participations = v);

    public override RmType RmType => Meta;
}
