using Fkj.Cdr.Rm.Identification;
using Fkj.Cdr.Rm.Records;
using Fkj.Cdr.Server.Auditing;
using Fkj.Cdr.Server.Database;
using Fkj.Cdr.Server.Hosting;
using Fkj.Cdr.Storage;
using Fkj.Cdr.Storage.Records;
using Fkj.Cdr.Storage.Tenancy;

namespace Fkj.Cdr.Server.Ehr;

/// <summary>An EHR with the uid of its latest EHR_STATUS version.</summary>
public sealed record EhrView(EhrRow Ehr, VersionUid Status, VersionUid? Directory = null);

/// <summary>
/// The EHR and EHR_STATUS use cases: create (with or without a status), find by id or subject, read the status
/// (latest, by version, at a time, its history) and update it. Every call is one transaction in the tenant, with
/// the audit record of its success in it; refusals are <see cref="Errors.ApiException"/>s, which the
/// <see cref="AuditFilter"/> records.
/// </summary>
public sealed class EhrService
{
    private readonly DatabaseService _database;
    private readonly PatientAudit _audit;
    private readonly string _systemId;
    private readonly TimeProvider _time;

    public EhrService(DatabaseService database, PatientAudit audit, ServerOptions options, TimeProvider? time = null)
    {
        _database = database;
        _audit = audit;
        _systemId = options.SystemId;
        _time = time ?? TimeProvider.System;
    }

    public string SystemId => _systemId;

    private static readonly DirectoryStore Directories = new();

    /// <summary>Creates an EHR (with <paramref name="ehrId"/>, or a new id) and version 1 of its EHR_STATUS.</summary>
    /// <exception cref="Errors.ApiException">409 when the id or the subject has an EHR.</exception>
    public async Task<(EhrView View, EhrStatus Status)> CreateAsync(HttpContext http, string tenantId, Guid? ehrId, EhrStatus? status, AuditScope scope, CancellationToken cancellationToken)
    {
        var database = _database.Require();
        var commit = CommitHeaders.Read(http.Request, _time.GetUtcNow());
        status ??= EhrStatusRules.Default();
        var id = ehrId ?? Guid.CreateVersion7(commit.Time);
        var statusUid = new VersionUid(Guid.CreateVersion7(commit.Time), _systemId, 1);
        status.Uid = new ObjectVersionId { Value = statusUid.ToString() };
        scope.EhrId = id;
        scope.ObjectId = statusUid.ObjectId;
        scope.Version = 1;

        var leaves = Commits.Leaves(status);
        await database.LeafIndex.InternAsync(leaves, cancellationToken);
        var subject = EhrStatusRules.Subject(status);
        var ehr = new EhrRow(id, commit.Time, statusUid.ObjectId, status.IsModifiable, status.IsQueryable);
        var contribution = Commits.Contribution(_systemId, commit, ChangeType.Creation);
        var version = Commits.Version(statusUid.ObjectId, 1, contribution, commit, ChangeType.Creation, Commits.Document(status));

        await using var batch = await database.BatchAsync(tenantId, cancellationToken: cancellationToken);
        database.Ehrs.Add(batch, ehr);
        if (subject is not null)
        {
            database.Ehrs.AddSubject(batch, id, subject);
        }
        database.Contributions.Add(batch, id, contribution);
        database.Versions.AddFirst(batch, id, VersionedType.EhrStatus, null, version);
        database.LeafIndex.Add(batch, id, statusUid.ObjectId, 1, leaves);
        _audit.Add(batch, http, scope, StatusCodes.Status201Created);
        try
        {
            await batch.ExecuteAsync(cancellationToken);
        }
        catch (RecordConflictException e) when (e.Constraint == EhrStore.EhrIdTaken)
        {
            scope.Recorded = false;
            throw EhrErrors.EhrIdTaken(id);
        }
        catch (RecordConflictException e) when (e.Constraint == EhrStore.SubjectTaken)
        {
            scope.Recorded = false;
            throw EhrErrors.SubjectTaken(subject!.Id, subject.Namespace);
        }
        catch
        {
            scope.Recorded = false;
            throw;
        }
        return (new EhrView(ehr, statusUid), status);
    }

    /// <summary>The EHR with this id.</summary>
    /// <exception cref="Errors.ApiException">404.</exception>
    public async Task<EhrView> GetAsync(HttpContext http, string tenantId, Guid ehrId, AuditScope scope, CancellationToken cancellationToken)
    {
        var database = _database.Require();
        await using var tx = await database.BeginAsync(tenantId, cancellationToken);
        var ehr = await database.Ehrs.FindAsync(tx, ehrId, cancellationToken) ?? throw EhrErrors.EhrNotFound(ehrId);
        var view = await ViewAsync(tx, ehr, cancellationToken);
        await _audit.AppendAsync(tx, http, scope, StatusCodes.Status200OK, cancellationToken);
        await CommitAsync(tx, scope, cancellationToken);
        return view;
    }

    /// <summary>The EHR of a subject.</summary>
    /// <exception cref="Errors.ApiException">404.</exception>
    public async Task<EhrView> GetBySubjectAsync(HttpContext http, string tenantId, EhrSubject subject, AuditScope scope, CancellationToken cancellationToken)
    {
        var database = _database.Require();
        scope.Details = $"subject '{subject.Id}' in namespace '{subject.Namespace}'";
        await using var tx = await database.BeginAsync(tenantId, cancellationToken);
        var ehr = await database.Ehrs.FindBySubjectAsync(tx, subject, cancellationToken) ?? throw EhrErrors.SubjectNotFound(subject.Id, subject.Namespace);
        scope.EhrId = ehr.EhrId;
        var view = await ViewAsync(tx, ehr, cancellationToken);
        await _audit.AppendAsync(tx, http, scope, StatusCodes.Status200OK, cancellationToken);
        await CommitAsync(tx, scope, cancellationToken);
        return view;
    }

    /// <summary>
    /// A version of the EHR's EHR_STATUS: the one named by <paramref name="versionUid"/>, else the one extant at
    /// <paramref name="at"/>, else the latest.
    /// </summary>
    /// <exception cref="Errors.ApiException">404.</exception>
    public async Task<StoredVersion> GetStatusAsync(HttpContext http, string tenantId, Guid ehrId, string? versionUid, DateTimeOffset? at, AuditScope scope, CancellationToken cancellationToken)
    {
        var database = _database.Require();
        await using var tx = await database.BeginAsync(tenantId, cancellationToken);
        var ehr = await database.Ehrs.FindAsync(tx, ehrId, cancellationToken) ?? throw EhrErrors.EhrNotFound(ehrId);
        scope.ObjectId = ehr.StatusObjectId;
        StoredVersion? version;
        if (versionUid is not null)
        {
            version = VersionUid.TryParse(versionUid, out var uid) && uid.Value.ObjectId == ehr.StatusObjectId && uid.Value.SystemId == _systemId
                ? await database.Versions.FindAsync(tx, ehrId, ehr.StatusObjectId, uid.Value.Version, VersionedType.EhrStatus, cancellationToken)
                : null;
            if (version is null) throw EhrErrors.VersionNotFound("EHR_STATUS", ehrId, versionUid);
        }
        else if (at is { } time)
        {
            version = await database.Versions.FindAtTimeAsync(tx, ehrId, ehr.StatusObjectId, time, VersionedType.EhrStatus, cancellationToken)
                ?? throw EhrErrors.NoVersionAtTime("EHR_STATUS", ehrId, time);
        }
        else
        {
            version = await database.Versions.FindLatestAsync(tx, ehrId, ehr.StatusObjectId, VersionedType.EhrStatus, cancellationToken)
                ?? throw new InvalidOperationException($"The EHR {ehrId} has no EHR_STATUS.");
        }
        scope.Version = version.Version;
        await _audit.AppendAsync(tx, http, scope, StatusCodes.Status200OK, cancellationToken);
        await CommitAsync(tx, scope, cancellationToken);
        return version;
    }

    /// <summary>The versions of the EHR's EHR_STATUS, oldest first, without documents, with the versioned object.</summary>
    /// <exception cref="Errors.ApiException">404.</exception>
    public async Task<(VersionedObjectRow Object, IReadOnlyList<StoredVersion> Versions)> GetStatusHistoryAsync(HttpContext http, string tenantId, Guid ehrId, AuditScope scope, CancellationToken cancellationToken)
    {
        var database = _database.Require();
        await using var tx = await database.BeginAsync(tenantId, cancellationToken);
        var ehr = await database.Ehrs.FindAsync(tx, ehrId, cancellationToken) ?? throw EhrErrors.EhrNotFound(ehrId);
        scope.ObjectId = ehr.StatusObjectId;
        var versioned = await database.Versions.FindObjectAsync(tx, ehrId, ehr.StatusObjectId, VersionedType.EhrStatus, cancellationToken)
            ?? throw new InvalidOperationException($"The EHR {ehrId} has no EHR_STATUS.");
        var history = await database.Versions.HistoryAsync(tx, ehrId, ehr.StatusObjectId, VersionedType.EhrStatus, cancellationToken);
        await _audit.AppendAsync(tx, http, scope, StatusCodes.Status200OK, cancellationToken);
        await CommitAsync(tx, scope, cancellationToken);
        return (versioned, history);
    }

    /// <summary>Writes a new version of the EHR's EHR_STATUS after <paramref name="ifMatch"/>, which must be the latest.</summary>
    /// <exception cref="Errors.ApiException">404; 412 (stale If-Match, with the latest in the ETag); 409 (the new subject has an EHR); 400 (uid of another object).</exception>
    public async Task<(StoredVersion Version, EhrStatus Status)> UpdateStatusAsync(HttpContext http, string tenantId, Guid ehrId, VersionUid ifMatch, EhrStatus status, AuditScope scope, CancellationToken cancellationToken)
    {
        var database = _database.Require();
        var commit = CommitHeaders.Read(http.Request, _time.GetUtcNow());
        var leaves = Commits.Leaves(status);
        await database.LeafIndex.InternAsync(leaves, cancellationToken);

        await using var tx = await database.BeginAsync(tenantId, cancellationToken);
        var ehr = await database.Ehrs.FindAsync(tx, ehrId, cancellationToken) ?? throw EhrErrors.EhrNotFound(ehrId);
        var objectId = ehr.StatusObjectId;
        scope.ObjectId = objectId;
        if (status.Uid?.Value is { Length: > 0 } bodyUid && !bodyUid.StartsWith(objectId.ToString("D"), StringComparison.OrdinalIgnoreCase))
        {
            throw EhrErrors.UidMismatch(bodyUid, objectId);
        }
        var versioned = await database.Versions.FindObjectAsync(tx, ehrId, objectId, VersionedType.EhrStatus, cancellationToken)
            ?? throw new InvalidOperationException($"The EHR {ehrId} has no EHR_STATUS.");
        var latest = new VersionUid(objectId, _systemId, versioned.LatestVersion);
        if (ifMatch != latest)
        {
            throw EhrErrors.Stale(ifMatch.ToString(), latest.ToString()).WithHeader("ETag", OpenEhrHttp.ETag(latest.ToString()));
        }

        var next = new VersionUid(objectId, _systemId, latest.Version + 1);
        status.Uid = new ObjectVersionId { Value = next.ToString() };
        scope.Version = next.Version;
        var contribution = Commits.Contribution(_systemId, commit, ChangeType.Modification);
        var version = Commits.Version(objectId, next.Version, contribution, commit, ChangeType.Modification, Commits.Document(status));
        var before = await database.Ehrs.FindSubjectAsync(tx, ehrId, cancellationToken);
        var after = EhrStatusRules.Subject(status);

        await using var batch = new RecordBatch(tx);
        AddStatusEffects(database, batch, ehr, before, status);
        database.Contributions.Add(batch, ehrId, contribution);
        var gate = database.Versions.AddNext(batch, ehrId, latest.Version, version);
        database.LeafIndex.Add(batch, ehrId, objectId, next.Version, leaves);
        var prefer = OpenEhrHttp.Prefer(http.Request);
        _audit.Add(batch, http, scope, prefer == PreferReturn.Minimal ? StatusCodes.Status204NoContent : StatusCodes.Status200OK);
        try
        {
            await batch.ExecuteAsync(cancellationToken);
        }
        catch (RecordConflictException e) when (e.Constraint == EhrStore.SubjectTaken)
        {
            scope.Recorded = false;
            throw EhrErrors.SubjectTaken(after!.Id, after.Namespace);
        }
        catch (RecordConflictException e) when (e.Constraint == VersionStore.VersionTaken)
        {
            scope.Recorded = false;
            throw await StaleAfterRaceAsync(tenantId, ehrId, objectId, ifMatch, cancellationToken);
        }
        catch
        {
            scope.Recorded = false;
            throw;
        }
        if (!gate.Passed)
        {
            scope.Recorded = false;
            await tx.DisposeAsync();
            throw await StaleAfterRaceAsync(tenantId, ehrId, objectId, ifMatch, cancellationToken);
        }
        await CommitAsync(tx, scope, cancellationToken);
        var stored = new StoredVersion(objectId, next.Version, VersionedType.EhrStatus, null, contribution.ContributionId, _systemId,
            commit.CommitterJson, commit.Time, ChangeType.Modification, commit.LifecycleState, commit.Description, version.Document);
        return (stored, status);
    }

    /// <summary>
    /// Appends what a new EHR_STATUS changes besides its version: the EHR's subject, when it names another one
    /// (<paramref name="before"/> is the subject now), and the EHR's is_modifiable and is_queryable, when they change.
    /// </summary>
    internal static void AddStatusEffects(Storage.CdrDatabase database, RecordBatch batch, EhrRow ehr, EhrSubject? before, EhrStatus status)
    {
        var after = EhrStatusRules.Subject(status);
        if (before != after)
        {
            if (before is not null) database.Ehrs.RemoveSubject(batch, ehr.EhrId);
            if (after is not null) database.Ehrs.AddSubject(batch, ehr.EhrId, after);
        }
        if (ehr.IsModifiable != status.IsModifiable || ehr.IsQueryable != status.IsQueryable)
        {
            database.Ehrs.SetStatusFlags(batch, ehr.EhrId, status.IsModifiable, status.IsQueryable);
        }
    }

    /// <summary>The 412 of an update that lost a race: the latest version is read afresh for the ETag.</summary>
    internal async Task<Errors.ApiException> StaleAfterRaceAsync(string tenantId, Guid ehrId, Guid objectId, VersionUid ifMatch, CancellationToken cancellationToken, string rmType = VersionedType.EhrStatus)
    {
        var database = _database.Require();
        await using var tx = await database.BeginAsync(tenantId, cancellationToken);
        var versioned = await database.Versions.FindObjectAsync(tx, ehrId, objectId, rmType, cancellationToken);
        var latest = versioned is null ? ifMatch.ToString() : new VersionUid(objectId, _systemId, versioned.LatestVersion).ToString();
        return EhrErrors.Stale(ifMatch.ToString(), latest).WithHeader("ETag", OpenEhrHttp.ETag(latest));
    }

    private async Task<EhrView> ViewAsync(TenantTransaction tx, EhrRow ehr, CancellationToken cancellationToken)
    {
        var versions = _database.Require().Versions;
        var status = await versions.FindObjectAsync(tx, ehr.EhrId, ehr.StatusObjectId, VersionedType.EhrStatus, cancellationToken)
            ?? throw new InvalidOperationException($"The EHR {ehr.EhrId} has no EHR_STATUS.");
        // EHR.directory names the directory's latest version, while there is one that is not deleted.
        VersionUid? directory = null;
        if ((await Directories.FindAsync(tx, ehr.EhrId, cancellationToken))?.DirectoryObjectId is { } folderId
            && await versions.FindObjectAsync(tx, ehr.EhrId, folderId, VersionedType.Folder, cancellationToken) is { LatestDeleted: false } folder)
        {
            directory = new VersionUid(folderId, _systemId, folder.LatestVersion);
        }
        return new EhrView(ehr, new VersionUid(ehr.StatusObjectId, _systemId, status.LatestVersion), directory);
    }

    /// <summary>Commits; if the commit itself fails, the audit record written in the transaction is gone too.</summary>
    private static async Task CommitAsync(TenantTransaction tx, AuditScope scope, CancellationToken cancellationToken)
    {
        try
        {
            await tx.CommitAsync(cancellationToken);
        }
        catch
        {
            scope.Recorded = false;
            throw;
        }
    }
}
