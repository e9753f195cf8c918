using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.DataTypes;

/// <summary>DV_EHR_URI: an <c>ehr:</c> URI pointing into an EHR.</summary>
public sealed class DvEhrUri : DvUri
{
    public new static readonly RmType Meta = RmType.Concrete("DV_EHR_URI", () => new DvEhrUri());

    public override RmType RmType => Meta;
}
