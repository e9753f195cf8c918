using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.DataTypes;

/// <summary>DV_STATE: a state in a state machine, such as an order's lifecycle, coded by the archetype.</summary>
public sealed class DvState : DataValue
{
    public DvCodedText Value { get; set; } = new();

    public bool IsTerminal { get; set; }

    public new static readonly RmType Meta = RmType.Concrete("DV_STATE", () => new DvState())
        .Object<DvCodedText>("value", o => o.Value, (o, v) => o.Value = v, required: true)
        .Boolean("is_terminal", o => o.IsTerminal, (o, v) => o.IsTerminal = v, required: true);

    public override RmType RmType => Meta;
}
