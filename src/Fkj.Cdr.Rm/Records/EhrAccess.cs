using Fkj.Cdr.Rm.Common;
using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.Records;

/// <summary>EHR_ACCESS: the versioned access control settings of an EHR.</summary>
public sealed class EhrAccess : Locatable
{
    public AccessControlSettings? Settings { get; set; }

    public new static readonly RmType Meta = RmType.Concrete("EHR_ACCESS", () => new EhrAccess())
        .Object<AccessControlSettings>("settings", o => o.Settings, (o, v) => o.Settings = v);

    public override RmType RmType => Meta;
}
