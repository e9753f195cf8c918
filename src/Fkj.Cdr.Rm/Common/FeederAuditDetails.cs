using Fkj.Cdr.Rm.DataStructures;
using Fkj.Cdr.Rm.DataTypes;
using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.Common;

/// <summary>FEEDER_AUDIT_DETAILS: the system, location, provider, subject and time recorded by one system in a feeder chain.</summary>
public sealed class FeederAuditDetails : RmObject
{
    public string SystemId { get; set; } = "";

    public PartyIdentified? Location { get; set; }

    public PartyIdentified? Provider { get; set; }

    public PartyProxy? Subject { get; set; }

    public DvDateTime? Time { get; set; }

    public string? VersionId { get; set; }

    public ItemStructure? OtherDetails { get; set; }

    public static readonly RmType Meta = RmType.Concrete("FEEDER_AUDIT_DETAILS", () => new FeederAuditDetails())
        .Text("system_id", o => o.SystemId, (o, v) => o.SystemId = v, required: true)
        .Object<PartyIdentified>("location", o => o.Location, (o, v) => o.Location = v)
        .Object<PartyIdentified>("provider", o => o.Provider, (o, v) => o.Provider = v)
        .Object<PartyProxy>("subject", o => o.Subject, (o, v) => o.Subject = v)
        .Object<DvDateTime>("time", o => o.Time, (o, v) => o.Time = v)
        .Text("version_id", o => o.VersionId, (o, v) => o.VersionId = v)
        .Object<ItemStructure>("other_details", o => o.OtherDetails, (o, v) => o.OtherDetails = v);

    public override RmType RmType => Meta;
}
