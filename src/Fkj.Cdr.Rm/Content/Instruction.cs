using Fkj.Cdr.Rm.DataTypes;
using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.Content;

/// <summary>INSTRUCTION: an order or plan of activities to be carried out, e.g. a medication order.</summary>
public sealed class Instruction : CareEntry
{
    public DvText Narrative { get; set; } = null!;

    public DvDateTime? ExpiryTime { get; set; }

    public DvParsable? WfDefinition { get; set; }

    public List<Activity>? Activities { get; set; }

    public new static readonly RmType Meta = RmType.Concrete("INSTRUCTION", () => new Instruction())
        .Object<DvText>("narrative", o => o.Narrative, (o, v) => o.Narrative = v, required: true)
        .Object<DvDateTime>("expiry_time", o => o.ExpiryTime, (o, v) => o.ExpiryTime = v)
        .Object<DvParsable>("wf_definition", o => o.WfDefinition, (o, v) => o.WfDefinition = v)
        .List<Activity>("activities", o => o.Activities, (o, v) => o.Activities = v);

    public override RmType RmType => Meta;
}
