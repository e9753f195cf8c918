using System.Text;
using Fkj.Cdr.Rm.Codecs.Json;
using Fkj.Cdr.Rm.Common;
using Fkj.Cdr.Rm.DataTypes;
using Fkj.Cdr.Rm.Identification;
using Fkj.Cdr.Rm.Meta;
using Fkj.Cdr.Storage.Records;

namespace Fkj.Cdr.Server.Ehr;

/// <summary>RM objects built from stored rows for answers: EHR, AUDIT_DETAILS, ORIGINAL_VERSION, REVISION_HISTORY.</summary>
public static class RmViews
{
    public static DvCodedText OpenEhrCode(string rubric, short code) => new()
    {
        Value = rubric,
        DefiningCode = new CodePhrase { TerminologyId = new TerminologyId { Value = "openehr" }, CodeString = code.ToString(System.Globalization.CultureInfo.InvariantCulture) },
    };

    /// <summary>The EHR resource: system id, ehr id, its EHR_STATUS reference and creation time.</summary>
    public static Rm.Records.Ehr Ehr(EhrRow ehr, string systemId, VersionUid status, VersionUid? directory = null) => new()
    {
        SystemId = new HierObjectId { Value = systemId },
        EhrId = new HierObjectId { Value = ehr.EhrId.ToString("D") },
        EhrStatus = new ObjectRef { Id = new ObjectVersionId { Value = status.ToString() }, Namespace = "local", Type = "EHR_STATUS" },
        Directory = directory is { } d ? new ObjectRef { Id = new ObjectVersionId { Value = d.ToString() }, Namespace = "local", Type = "FOLDER" } : null,
        TimeCreated = new DvDateTime { Value = CommitHeaders.Iso(ehr.TimeCreated) },
    };

    /// <summary>The commit audit of a stored version.</summary>
    public static AuditDetails Audit(StoredVersion version) => new()
    {
        SystemId = version.SystemId,
        Committer = (PartyProxy)CanonicalJson.Decode(Encoding.UTF8.GetBytes(version.Committer), RmModel.Of<PartyProxy>()),
        TimeCommitted = new DvDateTime { Value = CommitHeaders.Iso(version.TimeCommitted) },
        ChangeType = OpenEhrCode(ChangeType.Rubric(version.ChangeType), version.ChangeType),
        Description = version.Description is { } d ? new DvText { Value = d } : null,
    };

    /// <summary>The ORIGINAL_VERSION of a stored version, with its data decoded (absent for a deletion).</summary>
    public static OriginalVersion Version(StoredVersion version, Locatable? data) => new()
    {
        Uid = new ObjectVersionId { Value = new VersionUid(version.ObjectId, version.SystemId, version.Version).ToString() },
        Contribution = new ObjectRef { Id = new HierObjectId { Value = version.ContributionId.ToString("D") }, Namespace = "local", Type = "CONTRIBUTION" },
        CommitAudit = Audit(version),
        Data = data,
        PrecedingVersionUid = version.Version > 1
            ? new ObjectVersionId { Value = new VersionUid(version.ObjectId, version.SystemId, version.Version - 1).ToString() }
            : null,
        LifecycleState = OpenEhrCode(LifecycleState.Rubric(version.LifecycleState), version.LifecycleState),
    };

    /// <summary>The REVISION_HISTORY of an object's versions, oldest first.</summary>
    public static RevisionHistory History(IReadOnlyList<StoredVersion> versions) => new()
    {
        Items = versions.Select(v => new RevisionHistoryItem
        {
            VersionId = new ObjectVersionId { Value = new VersionUid(v.ObjectId, v.SystemId, v.Version).ToString() },
            Audits = [Audit(v)],
        }).ToList(),
    };
}
