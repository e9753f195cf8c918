using Fkj.Cdr.Rm.Common;
using Fkj.Cdr.Rm.DataTypes;
using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.DataStructures;

/// <summary>EVENT: one event in a history: data recorded at a point in time or over an interval, with the subject's state.</summary>
public abstract class Event : Locatable
{
    public DvDateTime Time { get; set; } = null!;

    public ItemStructure Data { get; set; } = null!;

    public ItemStructure? State { get; set; }

    public new static readonly RmType Meta = RmType.Abstract<Event>("EVENT")
        .Object<DvDateTime>("time", o => o.Time, (o, v) => o.Time = v, required: true)
        .Object<ItemStructure>("data", o => o.Data, (o, v) => o.Data = v, required: true)
        .Object<ItemStructure>("state", o => o.State, (o, v) => o.State = v);
}
