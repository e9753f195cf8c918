using Fkj.Cdr.Rm.Identification;
using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.Common;

/// <summary>REVISION_HISTORY_ITEM: the commit audit and any attestations of one version.</summary>
public sealed class RevisionHistoryItem : RmObject
{
    public ObjectVersionId VersionId { get; set; } = null!;

    public List<AuditDetails>? Audits { get; set; }

    public static readonly RmType Meta = RmType.Concrete("REVISION_HISTORY_ITEM", () => new RevisionHistoryItem())
        .Object<ObjectVersionId>("version_id", o => o.VersionId, (o, v) => o.VersionId = v, required: true)
        .List<AuditDetails>("audits", o => o.Audits, (o, v) => o.Audits = v, required: true);

    public override RmType RmType => Meta;
}
