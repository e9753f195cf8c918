using Fkj.Cdr.Rm.Identification;
using Fkj.Cdr.Rm.Records;
using Fkj.Cdr.Storage;
using Fkj.Cdr.Storage.Records;

namespace Fkj.Cdr.Server.Ehr;

/// <summary>A new EHR prepared outside an HTTP request: its row, its subject (null for an anonymous EHR) and version 1 of its EHR_STATUS.</summary>
public sealed record PreparedEhr(EhrRow Ehr, EhrSubject? Subject, PreparedCommit Status);

/// <summary>
/// The creation of an EHR without an HTTP request, for the bulk import: the steps of <see cref="EhrService.CreateAsync"/>
/// (status uid, query index, EHR and subject rows, contribution and version rows), appended to a <see cref="RecordBatch"/>
/// that the caller runs. The EHR_STATUS must have passed <see cref="EhrStatusRules.Check"/>, as the REST path checks it.
/// </summary>
public static class EhrCommit
{
    /// <summary>Makes the rows of EHR <paramref name="ehrId"/> with <paramref name="status"/>, whose uid it sets to the version uid.</summary>
    /// <exception cref="Errors.ApiException">422 when the status has more nodes than the query index numbers.</exception>
    public static PreparedEhr Prepare(Guid ehrId, Guid statusObjectId, string systemId, CommitInfo commit, EhrStatus status)
    {
        ArgumentNullException.ThrowIfNull(commit);
        ArgumentNullException.ThrowIfNull(status);
        var uid = new VersionUid(statusObjectId, systemId, 1);
        status.Uid = new ObjectVersionId { Value = uid.ToString() };
        var leaves = Commits.Leaves(status);
        var contribution = Commits.Contribution(systemId, commit, ChangeType.Creation);
        var version = Commits.Version(statusObjectId, 1, contribution, commit, ChangeType.Creation, Commits.Document(status));
        var ehr = new EhrRow(ehrId, commit.Time, statusObjectId, status.IsModifiable, status.IsQueryable);
        return new PreparedEhr(ehr, EhrStatusRules.Subject(status), new PreparedCommit(ehrId, uid, VersionedType.EhrStatus, null, contribution, version, leaves));
    }

    /// <summary>
    /// Appends the EHR's statements, as POST /ehr writes them: the EHR, its subject (a subject with an EHR already fails
    /// the batch with <see cref="EhrStore.SubjectTaken"/>), the contribution, the EHR_STATUS's versioned object and version,
    /// its leaf rows, and <paramref name="audit"/>.
    /// </summary>
    public static void Add(CdrDatabase database, RecordBatch batch, PreparedEhr ehr, AuditEvent audit)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(ehr);
        var id = ehr.Ehr.EhrId;
        database.Ehrs.Add(batch, ehr.Ehr);
        if (ehr.Subject is not null)
        {
            database.Ehrs.AddSubject(batch, id, ehr.Subject);
        }
        database.Contributions.Add(batch, id, ehr.Status.Contribution);
        database.Versions.AddFirst(batch, id, VersionedType.EhrStatus, null, ehr.Status.Version);
        database.LeafIndex.Add(batch, id, ehr.Status.Uid.ObjectId, 1, ehr.Status.Leaves);
        database.Audit.Add(batch, audit);
    }
}
