using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.DataTypes;

/// <summary>DV_PERIODIC_TIME_SPECIFICATION: a repeating time pattern, in HL7 PIVL or EIVL syntax.</summary>
public sealed class DvPeriodicTimeSpecification : DvTimeSpecification
{
    public new static readonly RmType Meta =
        RmType.Concrete("DV_PERIODIC_TIME_SPECIFICATION", () => new DvPeriodicTimeSpecification());

    public override RmType RmType => Meta;
}
