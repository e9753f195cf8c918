using Fkj.Cdr.Rm.Common;
using Fkj.Cdr.Rm.DataStructures;
using Fkj.Cdr.Rm.Identification;
using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.Content;

/// <summary>INSTRUCTION_DETAILS: the instruction and activity that an action carries out.</summary>
public sealed class InstructionDetails : Pathable
{
    public LocatableRef InstructionId { get; set; } = null!;

    /// <summary>The at-code of the ACTIVITY within the instruction, e.g. <c>activities[at0001]</c>.</summary>
    public string ActivityId { get; set; } = "";

    public ItemStructure? WfDetails { get; set; }

    public new static readonly RmType Meta = RmType.Concrete("INSTRUCTION_DETAILS", () => new InstructionDetails())
        .Object<LocatableRef>("instruction_id", o => o.InstructionId, (o, v) => o.InstructionId = v, required: true)
        .Text("activity_id", o => o.ActivityId, (o, v) => o.ActivityId = v, required: true)
        .Object<ItemStructure>("wf_details", o => o.WfDetails, (o, v) => o.WfDetails = v);

    public override RmType RmType => Meta;
}
