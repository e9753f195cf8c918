using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.DataTypes;

/// <summary>DV_TIME_SPECIFICATION: a specification of times, such as a dosing schedule, in a parsable syntax.</summary>
public abstract class DvTimeSpecification : DataValue
{
    public DvParsable Value { get; set; } = new();

    public new static readonly RmType Meta = RmType.Abstract<DvTimeSpecification>("DV_TIME_SPECIFICATION")
        .Object<DvParsable>("value", o => o.Value, (o, v) => o.Value = v, required: true);
}
