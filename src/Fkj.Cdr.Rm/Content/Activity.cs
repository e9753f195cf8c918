using Fkj.Cdr.Rm.Common;
using Fkj.Cdr.Rm.DataStructures;
using Fkj.Cdr.Rm.DataTypes;
using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.Content;

/// <summary>ACTIVITY: one activity an instruction orders, with its timing and the ACTION archetypes that may record it.</summary>
public sealed class Activity : Locatable
{
    public ItemStructure Description { get; set; } = null!;

    public DvParsable? Timing { get; set; }

    /// <summary>A regex over archetype ids of ACTIONs that may carry the activity out. Optional in ITS-JSON, though the RM text says 1..1.</summary>
    public string? ActionArchetypeId { get; set; }

    public new static readonly RmType Meta = RmType.Concrete("ACTIVITY", () => new Activity())
        .Object<ItemStructure>("description", o => o.Description, (o, v) => o.Description = v, required: true)
        .Object<DvParsable>("timing", o => o.Timing, (o, v) => o.Timing = v)
        .Text("action_archetype_id", o => o.ActionArchetypeId, (o, v) => o.ActionArchetypeId = v);

    public override RmType RmType => Meta;
}
