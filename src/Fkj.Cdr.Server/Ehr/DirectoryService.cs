using Fkj.Cdr.Rm.Common;
using Fkj.Cdr.Server.Auditing;
using Fkj.Cdr.Server.Database;
using Fkj.Cdr.Server.Hosting;
using Fkj.Cdr.Storage.Records;

namespace Fkj.Cdr.Server.Ehr;

/// <summary>
/// The EHR's directory (EHR.directory, a VERSIONED_FOLDER): create, update after the latest version (If-Match),
/// delete, and read a version (latest, at a time, by version uid), whole or one sub-folder by path. Writes are
/// contributions of one FOLDER version (<see cref="ContributionService"/>), so a folder committed here or in a
/// CONTRIBUTION is checked and stored the same way; reads are one transaction with their audit record.
/// </summary>
public sealed class DirectoryService
{
    private readonly DatabaseService _database;
    private readonly ContributionService _contributions;
    private readonly PatientAudit _audit;
    private readonly string _systemId;

    public DirectoryService(DatabaseService database, ContributionService contributions, PatientAudit audit, ServerOptions options)
    {
        _database = database;
        _contributions = contributions;
        _audit = audit;
        _systemId = options.SystemId;
    }

    /// <summary>Creates the EHR's directory.</summary>
    /// <exception cref="Errors.ApiException">400; 404; 409 (the EHR has a directory; not modifiable).</exception>
    public Task<CommittedVersion> CreateAsync(HttpContext http, string tenantId, Guid ehrId, Folder folder, AuditScope scope, CancellationToken cancellationToken) =>
        CommitAsync(http, tenantId, ehrId, ChangeType.Creation, null, folder, scope, StatusCodes.Status201Created, cancellationToken);

    /// <summary>Writes a new version of the directory after <paramref name="ifMatch"/>, which must be its latest version.</summary>
    /// <exception cref="Errors.ApiException">400; 404 (no directory, or deleted); 409 (not modifiable); 412 (stale, latest in the ETag).</exception>
    public Task<CommittedVersion> UpdateAsync(HttpContext http, string tenantId, Guid ehrId, VersionUid ifMatch, Folder folder, AuditScope scope, int status,
        CancellationToken cancellationToken) =>
        CommitAsync(http, tenantId, ehrId, ChangeType.Modification, ifMatch, folder, scope, status, cancellationToken);

    /// <summary>Deletes the directory (a deleted version) after <paramref name="ifMatch"/>, which must be its latest version.</summary>
    /// <exception cref="Errors.ApiException">400 (deleted already); 404; 409 (not modifiable); 412 (stale).</exception>
    public Task<CommittedVersion> DeleteAsync(HttpContext http, string tenantId, Guid ehrId, VersionUid ifMatch, AuditScope scope, CancellationToken cancellationToken) =>
        CommitAsync(http, tenantId, ehrId, ChangeType.Deleted, ifMatch, null, scope, StatusCodes.Status204NoContent, cancellationToken);

    private async Task<CommittedVersion> CommitAsync(HttpContext http, string tenantId, Guid ehrId, short changeType, VersionUid? ifMatch, Folder? folder,
        AuditScope scope, int status, CancellationToken cancellationToken)
    {
        var commit = CommitHeaders.Read(http.Request, _contributions.Now());
        var version = new VersionRequest
        {
            Path = "",
            DataPath = "",
            ChangeType = changeType,
            LifecycleState = commit.LifecycleState,
            Description = commit.Description,
            PrecedingVersionUid = ifMatch?.ToString(),
            Data = folder,
            RmType = VersionedType.Folder,
        };
        var request = new ContributionRequest(null, commit, changeType, [version], "folder");
        var committed = await _contributions.CommitAsync(http, tenantId, ehrId, request, scope, status, cancellationToken);
        return committed.Versions[0];
    }

    /// <summary>
    /// A version of the directory: the one named by <paramref name="versionUid"/> (of any directory the EHR has had),
    /// else the one extant at <paramref name="at"/>, else the latest; with the sub-folder at <paramref name="path"/>
    /// (the root when there is none), or no folder for a deleted version.
    /// </summary>
    /// <exception cref="Errors.ApiException">400 (not a version uid); 404 (EHR, directory, version, time or path).</exception>
    public async Task<(StoredVersion Version, Folder? Folder)> GetAsync(HttpContext http, string tenantId, Guid ehrId, string? versionUid, DateTimeOffset? at,
        string? path, AuditScope scope, CancellationToken cancellationToken)
    {
        var database = _database.Require();
        await using var tx = await database.BeginAsync(tenantId, cancellationToken);
        var directory = await _contributions.Directories.FindAsync(tx, ehrId, cancellationToken) ?? throw EhrErrors.EhrNotFound(ehrId);
        StoredVersion version;
        if (versionUid is not null)
        {
            if (!VersionUid.TryParse(versionUid, out var uid))
            {
                throw EhrErrors.InvalidUid(versionUid, "a version uid of the directory");
            }
            scope.ObjectId = uid.Value.ObjectId;
            version = (uid.Value.SystemId == _systemId
                ? await database.Versions.FindAsync(tx, ehrId, uid.Value.ObjectId, uid.Value.Version, VersionedType.Folder, cancellationToken)
                : null) ?? throw ContributionErrors.FolderNotFound(ehrId, versionUid);
        }
        else
        {
            var objectId = directory.DirectoryObjectId ?? throw ContributionErrors.DirectoryNotFound(ehrId);
            scope.ObjectId = objectId;
            version = at is { } time
                ? await database.Versions.FindAtTimeAsync(tx, ehrId, objectId, time, VersionedType.Folder, cancellationToken)
                    ?? throw EhrErrors.NoVersionAtTime("directory", ehrId, time)
                : await database.Versions.FindLatestAsync(tx, ehrId, objectId, VersionedType.Folder, cancellationToken)
                    ?? throw new InvalidOperationException($"The directory {objectId} of EHR {ehrId} has no versions.");
        }
        scope.Version = version.Version;
        Folder? folder = null;
        if (!version.IsDeletion)
        {
            folder = FolderPath.Find(Commits.Decode<Folder>(version.Document!), path) ?? throw ContributionErrors.PathNotFound(path ?? "");
        }
        await _audit.AppendAsync(tx, http, scope, version.IsDeletion ? StatusCodes.Status204NoContent : StatusCodes.Status200OK, cancellationToken);
        try
        {
            await tx.CommitAsync(cancellationToken);
        }
        catch
        {
            scope.Recorded = false;
            throw;
        }
        return (version, folder);
    }
}
