using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.DataTypes;

/// <summary>DV_BOOLEAN: a true/false answer to a question that has exactly two possible answers.</summary>
public sealed class DvBoolean : DataValue
{
    public bool Value { get; set; }

    public new static readonly RmType Meta = RmType.Concrete("DV_BOOLEAN", () => new DvBoolean())
        .Boolean("value", o => o.Value, (o, v) => o.Value = v, required: true);

    public override RmType RmType => Meta;
}
