using Fkj.Cdr.Rm.Identification;
using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.Common;

/// <summary>VERSION: one version of a versioned object, with the contribution and audit of the commit that made it.</summary>
public abstract class Version : RmObject
{
    public ObjectRef Contribution { get; set; } = null!;

    public AuditDetails CommitAudit { get; set; } = null!;

    public string? Signature { get; set; }

    public static readonly RmType Meta = RmType.Abstract<Version>("VERSION")
        .Object<ObjectRef>("contribution", o => o.Contribution, (o, v) => o.Contribution = v, required: true)
        .Object<AuditDetails>("commit_audit", o => o.CommitAudit, (o, v) => o.CommitAudit = v, required: true)
        .Text("signature", o => o.Signature, (o, v) => o.Signature = v);
}
