using Fkj.Cdr.Rm.DataTypes;
using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.Common;

/// <summary>AUDIT_DETAILS: who committed a change, to which system, when, and of what kind.</summary>
public class AuditDetails : RmObject
{
    public string SystemId { get; set; } = "";

    public PartyProxy Committer { get; set; } = null!;

    public DvDateTime TimeCommitted { get; set; } = null!;

    public DvCodedText ChangeType { get; set; } = null!;

    public DvText? Description { get; set; }

    public static readonly RmType Meta = RmType.Concrete("AUDIT_DETAILS", () => new AuditDetails())
        .Text("system_id", o => o.SystemId, (o, v) => o.SystemId = v, required: true)
        .Object<PartyProxy>("committer", o => o.Committer, (o, v) => o.Committer = v, required: true)
        .Object<DvDateTime>("time_committed", o => o.TimeCommitted, (o, v) => o.TimeCommitted = v, required: true)
        .Object<DvCodedText>("change_type", o => o.ChangeType, (o, v) => o.ChangeType = v, required: true)
        .Object<DvText>("description", o => o.Description, (o, v) => o.Description = v);

    public override RmType RmType => Meta;
}
