using Fkj.Cdr.Rm.DataTypes;
using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.Common;

/// <summary>FEEDER_AUDIT: the audit trail of content that reached the EHR from feeder or originating systems.</summary>
public sealed class FeederAudit : RmObject
{
    public List<DvIdentifier>? OriginatingSystemItemIds { get; set; }

    public List<DvIdentifier>? FeederSystemItemIds { get; set; }

    /// <summary>The message or document as received, kept for provenance; a DV_PARSABLE or DV_MULTIMEDIA.</summary>
    public DvEncapsulated? OriginalContent { get; set; }

    public FeederAuditDetails OriginatingSystemAudit { get; set; } = null!;

    public FeederAuditDetails? FeederSystemAudit { get; set; }

    public static readonly RmType Meta = RmType.Concrete("FEEDER_AUDIT", () => new FeederAudit())
        .List<DvIdentifier>("originating_system_item_ids", o => o.OriginatingSystemItemIds, (o, v) => o.OriginatingSystemItemIds = v)
        .List<DvIdentifier>("feeder_system_item_ids", o => o.FeederSystemItemIds, (o, v) => o.FeederSystemItemIds = v)
        .Object<DvEncapsulated>("original_content", o => o.OriginalContent, (o, v) => o.OriginalContent = v)
        .Object<FeederAuditDetails>("originating_system_audit", o => o.OriginatingSystemAudit, (o, v) => o.OriginatingSystemAudit = v, required: true)
        .Object<FeederAuditDetails>("feeder_system_audit", o => o.FeederSystemAudit, (o, v) => o.FeederSystemAudit = v);

    public override RmType RmType => Meta;
}
