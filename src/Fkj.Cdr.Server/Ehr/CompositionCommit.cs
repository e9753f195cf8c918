using Fkj.Cdr.Rm.Content;
using Fkj.Cdr.Rm.Identification;
using Fkj.Cdr.Storage;
using Fkj.Cdr.Storage.Records;

namespace Fkj.Cdr.Server.Ehr;

/// <summary>
/// The write of a new composition without an HTTP request, for the bulk import: the steps of
/// <see cref="CompositionService.CreateAsync"/> after validation (version uid, query index, stored document,
/// contribution and version rows), and the same statements appended to a <see cref="RecordBatch"/> that the caller
/// runs, many compositions to one batch. Validation stays the caller's, with <see cref="CompositionService.ValidateAsync"/>.
/// </summary>
public static class CompositionCommit
{
    /// <summary>
    /// Makes the rows of version 1 of composition <paramref name="objectId"/> in EHR <paramref name="ehrId"/>; sets the
    /// composition's uid to its version uid, as the stored document carries it.
    /// </summary>
    /// <exception cref="Errors.ApiException">422 when the composition has more nodes than the query index numbers.</exception>
    public static PreparedCommit Prepare(Guid ehrId, Guid objectId, string systemId, CommitInfo commit, Composition composition, string templateId)
    {
        ArgumentNullException.ThrowIfNull(commit);
        ArgumentNullException.ThrowIfNull(composition);
        var uid = new VersionUid(objectId, systemId, 1);
        composition.Uid = new ObjectVersionId { Value = uid.ToString() };
        var leaves = Commits.Leaves(composition);
        var contribution = Commits.Contribution(systemId, commit, ChangeType.Creation);
        var version = Commits.Version(objectId, 1, contribution, commit, ChangeType.Creation, Commits.Document(composition));
        return new PreparedCommit(ehrId, uid, VersionedType.Composition, templateId, contribution, version, leaves);
    }

    /// <summary>
    /// Appends the composition's statements, as POST /composition writes them: the contribution (written only if the EHR
    /// exists and is modifiable, so that otherwise the batch fails on a foreign key), the versioned object with its
    /// version and latest version, the leaf rows, and <paramref name="audit"/>. Every leaf path must have been interned
    /// (<see cref="LeafIndex.InternAsync"/>).
    /// </summary>
    public static void Add(CdrDatabase database, RecordBatch batch, PreparedCommit commit, AuditEvent audit)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(commit);
        database.Contributions.Add(batch, commit.EhrId, commit.Contribution, onlyIfModifiable: true);
        database.Versions.AddFirst(batch, commit.EhrId, commit.RmType, commit.TemplateId, commit.Version);
        database.LeafIndex.Add(batch, commit.EhrId, commit.Uid.ObjectId, 1, commit.Leaves);
        database.Audit.Add(batch, audit);
    }
}
