using Fkj.Cdr.Rm.Common;
using Fkj.Cdr.Rm.DataTypes;
using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.Content;

/// <summary>ISM_TRANSITION: the instruction state machine state an action reached, and the transition that led there.</summary>
public sealed class IsmTransition : Pathable
{
    public DvCodedText CurrentState { get; set; } = null!;

    public DvCodedText? Transition { get; set; }

    public DvCodedText? CareflowStep { get; set; }

    public List<DvText>? Reason { get; set; }

    public new static readonly RmType Meta = RmType.Concrete("ISM_TRANSITION", () => new IsmTransition())
        .Object<DvCodedText>("current_state", o => o.CurrentState, (o, v) => o.CurrentState = v, required: true)
        .Object<DvCodedText>("transition", o => o.Transition, (o, v) => o.Transition = v)
        .Object<DvCodedText>("careflow_step", o => o.CareflowStep, (o, v) => o.CareflowStep = v)
        .List<DvText>("reason", o => o.Reason, (o, v) => o.Reason = v);

    public override RmType RmType => Meta;
}
