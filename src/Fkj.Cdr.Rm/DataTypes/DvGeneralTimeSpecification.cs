using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.DataTypes;

/// <summary>DV_GENERAL_TIME_SPECIFICATION: an arbitrary time pattern, in HL7 GTS syntax.</summary>
public sealed class DvGeneralTimeSpecification : DvTimeSpecification
{
    public new static readonly RmType Meta =
        RmType.Concrete("DV_GENERAL_TIME_SPECIFICATION", () => new DvGeneralTimeSpecification());

    public override RmType RmType => Meta;
}
