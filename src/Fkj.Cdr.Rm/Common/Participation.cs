using Fkj.Cdr.Rm.DataTypes;
using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.Common;

/// <summary>PARTICIPATION: the function a party performed in an activity, with its time and mode.</summary>
public sealed class Participation : RmObject
{
    public DvText Function { get; set; } = null!;

    public PartyProxy Performer { get; set; } = null!;

    /// <summary>A DV_INTERVAL of DV_DATE_TIME.</summary>
    public DvInterval? Time { get; set; }

    public DvCodedText? Mode { get; set; }

    public static readonly RmType Meta = RmType.Concrete("PARTICIPATION", () => new Participation())
        .Object<DvText>("function", o => o.Function, (o, v) => o.Function = v, required: true)
        .Object<PartyProxy>("performer", o => o.Performer, (o, v) => o.Performer = v, required: true)
        .Object<DvInterval>("time", o => o.Time, (o, v) => o.Time = v)
        .Object<DvCodedText>("mode", o => o.Mode, (o, v) => o.Mode = v);

    public override RmType RmType => Meta;
}
