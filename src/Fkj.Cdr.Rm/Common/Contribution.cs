using Fkj.Cdr.Rm.Identification;
using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.Common;

/// <summary>CONTRIBUTION: the change-set that committed a group of versions together, with its audit.</summary>
public sealed class Contribution : RmObject
{
    public HierObjectId Uid { get; set; } = null!;

    public List<ObjectRef>? Versions { get; set; }

    public AuditDetails Audit { get; set; } = null!;

    public static readonly RmType Meta = RmType.Concrete("CONTRIBUTION", () => new Contribution())
        .Object<HierObjectId>("uid", o => o.Uid, (o, v) => o.Uid = v, required: true)
        .List<ObjectRef>("versions", o => o.Versions, (o, v) => o.Versions = v, required: true)
        .Object<AuditDetails>("audit", o => o.Audit, (o, v) => o.Audit = v, required: true);

    public override RmType RmType => Meta;
}
