using Fkj.Cdr.Rm.DataStructures;
using Fkj.Cdr.Rm.DataTypes;
using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.Content;

/// <summary>ACTION: the record of an activity performed, placed in the instruction state machine by its ISM transition.</summary>
public sealed class Action : CareEntry
{
    public DvDateTime Time { get; set; } = null!;

    public ItemStructure Description { get; set; } = null!;

    public IsmTransition IsmTransition { get; set; } = null!;

    public InstructionDetails? InstructionDetails { get; set; }

    public new static readonly RmType Meta = RmType.Concrete("ACTION", () => new Action())
        .Object<DvDateTime>("time", o => o.Time, (o, v) => o.Time = v, required: true)
        .Object<ItemStructure>("description", o => o.Description, (o, v) => o.Description = v, required: true)
        .Object<IsmTransition>("ism_transition", o => o.IsmTransition, (o, v) => o.IsmTransition = v, required: true)
        .Object<InstructionDetails>("instruction_details", o => o.InstructionDetails, (o, v) => o.InstructionDetails = v);

    public override RmType RmType => Meta;
}
