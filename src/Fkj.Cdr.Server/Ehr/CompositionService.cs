using Fkj.Cdr.Rm.Content;
using Fkj.Cdr.Rm.Identification;
using Fkj.Cdr.Server.Auditing;
using Fkj.Cdr.Server.Database;
using Fkj.Cdr.Server.Definitions;
using Fkj.Cdr.Server.Errors;
using Fkj.Cdr.Server.Hosting;
using Fkj.Cdr.Storage.Records;
using Fkj.Cdr.Storage.Tenancy;

namespace Fkj.Cdr.Server.Ehr;

/// <summary>A composition version as committed now: its uid, and the document as stored.</summary>
public sealed record CommittedComposition(VersionUid Uid, Composition Composition, string Document);

/// <summary>
/// The COMPOSITION use cases: validate against the template, create, read (latest, by version, at a time),
/// update after the latest version (If-Match), delete (a deleted version; the data stays in history), and the
/// versioned object's history. Every call is one transaction in the tenant, with the audit record of its success
/// in it; refusals are <see cref="ApiException"/>s, which the <see cref="AuditFilter"/> records.
/// </summary>
public sealed class CompositionService
{
    private readonly DatabaseService _database;
    private readonly TemplateRegistry _templates;
    private readonly PatientAudit _audit;
    private readonly EhrService _ehrs;
    private readonly string _systemId;
    private readonly TimeProvider _time;

    // A tenant's template never changes once stored (other bytes under its id are refused), so the compiled
    // template of (tenant, template id) is kept after the first look-up: a commit then asks the database nothing
    // about its template.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Tenant, string TemplateId), CompiledTemplate> _compiled = new();

    public CompositionService(DatabaseService database, TemplateRegistry templates, PatientAudit audit, EhrService ehrs, ServerOptions options, TimeProvider? time = null)
    {
        _database = database;
        _templates = templates;
        _audit = audit;
        _ehrs = ehrs;
        _systemId = options.SystemId;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The compiled template a composition names.</summary>
    /// <exception cref="ApiException">422 <c>template_id_missing</c> or <c>unknown_template</c>.</exception>
    public async Task<CompiledTemplate> TemplateOfAsync(string tenantId, string? templateId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(templateId))
        {
            throw EhrErrors.MissingTemplateId();
        }
        if (_compiled.TryGetValue((tenantId, templateId), out var cached))
        {
            return cached;
        }
        try
        {
            var compiled = await _templates.GetCompiledAsync(tenantId, templateId, cancellationToken);
            return _compiled.GetOrAdd((tenantId, templateId), compiled);
        }
        catch (ApiException e) when (e.Status == StatusCodes.Status404NotFound)
        {
            throw EhrErrors.UnknownTemplate(templateId);
        }
    }

    /// <summary>Validates the composition against the template it names; returns the template.</summary>
    /// <exception cref="ApiException">422 with every error and its path.</exception>
    public async Task<CompiledTemplate> ValidateAsync(string tenantId, Composition composition, CancellationToken cancellationToken)
    {
        var templateId = composition.ArchetypeDetails?.TemplateId?.Value;
        var template = await TemplateOfAsync(tenantId, templateId, cancellationToken);
        var result = template.Validator().Validate(composition);
        return result.IsValid ? template : throw EhrErrors.Invalid(template.TemplateId, result);
    }

    /// <summary>Commits a new composition (version 1 of a new versioned object) to the EHR.</summary>
    public async Task<CommittedComposition> CreateAsync(HttpContext http, string tenantId, Guid ehrId, Composition composition, CompiledTemplate template, AuditScope scope, CancellationToken cancellationToken)
    {
        var database = _database.Require();
        var commit = CommitHeaders.Read(http.Request, _time.GetUtcNow());
        var uid = new VersionUid(Guid.CreateVersion7(commit.Time), _systemId, 1);
        composition.Uid = new ObjectVersionId { Value = uid.ToString() };
        scope.ObjectId = uid.ObjectId;
        scope.Version = 1;
        var leaves = Commits.Leaves(composition);
        await database.LeafIndex.InternAsync(leaves, cancellationToken);
        var contribution = Commits.Contribution(_systemId, commit, ChangeType.Creation);
        var document = Commits.Document(composition);
        var version = Commits.Version(uid.ObjectId, 1, contribution, commit, ChangeType.Creation, document);

        // One round trip writes and commits it all: the contribution is written only if the EHR exists and may be
        // modified, and without it the version's foreign key fails the batch, which is then explained by a look at the EHR.
        await using (var batch = await database.BatchAsync(tenantId, cancellationToken: cancellationToken))
        {
            database.Contributions.Add(batch, ehrId, contribution, onlyIfModifiable: true);
            database.Versions.AddFirst(batch, ehrId, VersionedType.Composition, template.TemplateId, version);
            database.LeafIndex.Add(batch, ehrId, uid.ObjectId, 1, leaves);
            _audit.Add(batch, http, scope, StatusCodes.Status201Created);
            try
            {
                await ExecuteAsync(batch, scope, cancellationToken);
                return new CommittedComposition(uid, composition, document);
            }
            catch (RecordConflictException e) when (!e.IsUniqueViolation)
            {
                // The batch was its own transaction, and is undone; the EHR says why.
            }
        }
        await using (var tx = await database.BeginAsync(tenantId, cancellationToken))
        {
            await RequireModifiableAsync(tx, ehrId, cancellationToken);
        }
        throw new InvalidOperationException($"The commit to EHR {ehrId} failed on a foreign key, yet the EHR exists and is modifiable.");
    }

    /// <summary>
    /// A version of a composition: by version uid, or by versioned object id the one extant at
    /// <paramref name="at"/> or the latest. A deletion is returned as such (the caller answers 204).
    /// </summary>
    /// <exception cref="ApiException">400 (not an id); 404.</exception>
    public async Task<StoredVersion> GetAsync(HttpContext http, string tenantId, Guid ehrId, string uidBasedId, DateTimeOffset? at, AuditScope scope, CancellationToken cancellationToken)
    {
        var database = _database.Require();
        var (objectId, versionUid) = ParseUidBasedId(uidBasedId);
        scope.ObjectId = objectId;
        StoredVersion? version = null;
        // A version of another system is not here; otherwise one round trip reads it and leaves the audit record.
        if (versionUid is not { } other || other.SystemId == _systemId)
        {
            await using var batch = await database.BatchAsync(tenantId, durable: _audit.DurableReads, cancellationToken);
            version = await database.Versions.FindAuditedAsync(batch, ehrId, objectId, VersionedType.Composition, versionUid?.Version, versionUid is null ? at : null,
                _audit.ReadEvent(http, scope), StatusCodes.Status204NoContent, cancellationToken);
        }
        if (version is null)
        {
            await using var tx = await database.BeginAsync(tenantId, cancellationToken);
            await RequireEhrAsync(tx, ehrId, cancellationToken);
            throw versionUid is not null || at is null || await database.Versions.FindObjectAsync(tx, ehrId, objectId, VersionedType.Composition, cancellationToken) is null
                ? EhrErrors.CompositionNotFound(ehrId, uidBasedId)
                : EhrErrors.NoVersionAtTime($"version of composition {objectId:D}", ehrId, at.Value);
        }
        scope.Version = version.Version;
        scope.Recorded = true;
        return version;
    }

    /// <summary>The versioned composition and its versions, oldest first, without documents.</summary>
    /// <exception cref="ApiException">400; 404.</exception>
    public async Task<(VersionedObjectRow Object, IReadOnlyList<StoredVersion> Versions)> GetHistoryAsync(HttpContext http, string tenantId, Guid ehrId, string versionedObjectId, AuditScope scope, CancellationToken cancellationToken)
    {
        var database = _database.Require();
        var objectId = Guid.TryParseExact(versionedObjectId, "D", out var id) ? id : throw EhrErrors.InvalidUid(versionedObjectId, "a versioned object id");
        scope.ObjectId = objectId;
        await using var tx = await database.BeginAsync(tenantId, cancellationToken);
        var versioned = await database.Versions.FindObjectAsync(tx, ehrId, objectId, VersionedType.Composition, cancellationToken);
        if (versioned is null)
        {
            await RequireEhrAsync(tx, ehrId, cancellationToken);
            throw EhrErrors.CompositionNotFound(ehrId, versionedObjectId);
        }
        var history = await database.Versions.HistoryAsync(tx, ehrId, objectId, VersionedType.Composition, cancellationToken);
        await _audit.AppendAsync(tx, http, scope, StatusCodes.Status200OK, cancellationToken);
        await CommitAsync(tx, scope, cancellationToken);
        return (versioned, history);
    }

    /// <summary>Writes a new version of a composition after <paramref name="ifMatch"/>, which must be its latest version.</summary>
    /// <exception cref="ApiException">400 (uid mismatch); 404; 409 (EHR not modifiable); 412 (stale, latest in the ETag); 422 (other template).</exception>
    public async Task<CommittedComposition> UpdateAsync(HttpContext http, string tenantId, Guid ehrId, string versionedObjectId, VersionUid ifMatch,
        Composition composition, CompiledTemplate template, AuditScope scope, CancellationToken cancellationToken)
    {
        var database = _database.Require();
        var objectId = Guid.TryParseExact(versionedObjectId, "D", out var id) ? id : throw EhrErrors.InvalidUid(versionedObjectId, "a versioned object id");
        scope.ObjectId = objectId;
        if (composition.Uid?.Value is { Length: > 0 } bodyUid && !bodyUid.Split("::")[0].Equals(objectId.ToString("D"), StringComparison.OrdinalIgnoreCase))
        {
            throw EhrErrors.UidMismatch(bodyUid, objectId);
        }
        var commit = CommitHeaders.Read(http.Request, _time.GetUtcNow());
        var leaves = Commits.Leaves(composition);
        await database.LeafIndex.InternAsync(leaves, cancellationToken);

        await using var tx = await database.BeginAsync(tenantId, cancellationToken);
        await RequireModifiableAsync(tx, ehrId, cancellationToken);
        var versioned = await database.Versions.FindObjectAsync(tx, ehrId, objectId, VersionedType.Composition, cancellationToken)
            ?? throw EhrErrors.CompositionNotFound(ehrId, versionedObjectId);
        var latest = new VersionUid(objectId, _systemId, versioned.LatestVersion);
        if (versioned.LatestDeleted)
        {
            throw EhrErrors.CompositionDeleted(ehrId, versionedObjectId).WithHeader("ETag", OpenEhrHttp.ETag(latest.ToString()));
        }
        if (ifMatch != latest)
        {
            throw EhrErrors.Stale(ifMatch.ToString(), latest.ToString()).WithHeader("ETag", OpenEhrHttp.ETag(latest.ToString()));
        }
        if (versioned.TemplateId is { } previous && previous != template.TemplateId)
        {
            throw EhrErrors.TemplateChanged(previous, template.TemplateId);
        }

        var next = new VersionUid(objectId, _systemId, latest.Version + 1);
        composition.Uid = new ObjectVersionId { Value = next.ToString() };
        scope.Version = next.Version;
        var contribution = Commits.Contribution(_systemId, commit, ChangeType.Modification);
        var document = Commits.Document(composition);
        var version = Commits.Version(objectId, next.Version, contribution, commit, ChangeType.Modification, document);
        await using var batch = new RecordBatch(tx);
        database.Contributions.Add(batch, ehrId, contribution);
        var gate = database.Versions.AddNext(batch, ehrId, latest.Version, version);
        database.LeafIndex.Add(batch, ehrId, objectId, next.Version, leaves);
        _audit.Add(batch, http, scope, OpenEhrHttp.Prefer(http.Request) == PreferReturn.Minimal ? StatusCodes.Status204NoContent : StatusCodes.Status200OK);
        try
        {
            await batch.ExecuteAsync(cancellationToken);
        }
        catch (RecordConflictException e) when (e.Constraint == VersionStore.VersionTaken)
        {
            scope.Recorded = false;
            throw await _ehrs.StaleAfterRaceAsync(tenantId, ehrId, objectId, ifMatch, cancellationToken, VersionedType.Composition);
        }
        catch
        {
            scope.Recorded = false;
            throw;
        }
        if (!gate.Passed)
        {
            scope.Recorded = false;
            throw await _ehrs.StaleAfterRaceAsync(tenantId, ehrId, objectId, ifMatch, cancellationToken, VersionedType.Composition);
        }
        await CommitAsync(tx, scope, cancellationToken);
        return new CommittedComposition(next, composition, document);
    }

    /// <summary>Writes a deleted version after <paramref name="precedingVersionUid"/>, which must be the latest version.</summary>
    /// <exception cref="ApiException">400 (not a version uid; deleted already); 404; 409 (not the latest, or EHR not modifiable).</exception>
    public async Task<VersionUid> DeleteAsync(HttpContext http, string tenantId, Guid ehrId, string precedingVersionUid, AuditScope scope, CancellationToken cancellationToken)
    {
        var database = _database.Require();
        var (objectId, parsed) = ParseUidBasedId(precedingVersionUid);
        var preceding = parsed ?? throw EhrErrors.VersionUidRequired(precedingVersionUid);
        scope.ObjectId = objectId;
        var commit = CommitHeaders.Read(http.Request, _time.GetUtcNow());

        await using var tx = await database.BeginAsync(tenantId, cancellationToken);
        await RequireModifiableAsync(tx, ehrId, cancellationToken);
        var versioned = await database.Versions.FindObjectAsync(tx, ehrId, objectId, VersionedType.Composition, cancellationToken);
        if (versioned is null || preceding.SystemId != _systemId || preceding.Version > versioned.LatestVersion)
        {
            throw EhrErrors.CompositionNotFound(ehrId, precedingVersionUid);
        }
        var latest = new VersionUid(objectId, _systemId, versioned.LatestVersion);
        if (versioned.LatestDeleted)
        {
            throw EhrErrors.AlreadyDeleted(precedingVersionUid).WithHeader("ETag", OpenEhrHttp.ETag(latest.ToString()));
        }
        if (preceding != latest)
        {
            throw EhrErrors.NotLatest(preceding.ToString(), latest.ToString()).WithHeader("ETag", OpenEhrHttp.ETag(latest.ToString()));
        }
        var next = new VersionUid(objectId, _systemId, latest.Version + 1);
        scope.Version = next.Version;
        var contribution = Commits.Contribution(_systemId, commit, ChangeType.Deleted);
        var version = Commits.Version(objectId, next.Version, contribution, commit, ChangeType.Deleted, null);
        await using var batch = new RecordBatch(tx);
        database.Contributions.Add(batch, ehrId, contribution);
        var gate = database.Versions.AddNext(batch, ehrId, latest.Version, version);
        _audit.Add(batch, http, scope, StatusCodes.Status204NoContent);
        try
        {
            await batch.ExecuteAsync(cancellationToken);
        }
        catch (RecordConflictException e) when (e.Constraint == VersionStore.VersionTaken)
        {
            scope.Recorded = false;
            throw EhrErrors.NotLatest(preceding.ToString(), "a newer one");
        }
        catch
        {
            scope.Recorded = false;
            throw;
        }
        if (!gate.Passed)
        {
            scope.Recorded = false;
            throw EhrErrors.NotLatest(preceding.ToString(), "a newer one");
        }
        await CommitAsync(tx, scope, cancellationToken);
        return next;
    }

    /// <summary>A uid_based_id of the path: a version uid, or a versioned object id (a UUID).</summary>
    /// <exception cref="ApiException">400 <c>invalid_uid</c>.</exception>
    public static (Guid ObjectId, VersionUid? Version) ParseUidBasedId(string text)
    {
        if (VersionUid.TryParse(text, out var uid))
        {
            return (uid.Value.ObjectId, uid);
        }
        return Guid.TryParseExact(text, "D", out var objectId)
            ? (objectId, null)
            : throw EhrErrors.InvalidUid(text, "a composition uid");
    }

    private async Task RequireEhrAsync(TenantTransaction tx, Guid ehrId, CancellationToken cancellationToken)
    {
        _ = await _database.Require().Ehrs.FindAsync(tx, ehrId, cancellationToken) ?? throw EhrErrors.EhrNotFound(ehrId);
    }

    private async Task RequireModifiableAsync(TenantTransaction tx, Guid ehrId, CancellationToken cancellationToken)
    {
        var ehr = await _database.Require().Ehrs.FindAsync(tx, ehrId, cancellationToken) ?? throw EhrErrors.EhrNotFound(ehrId);
        if (!ehr.IsModifiable)
        {
            throw EhrErrors.NotModifiable(ehrId);
        }
    }

    private static async Task ExecuteAsync(RecordBatch batch, AuditScope scope, CancellationToken cancellationToken)
    {
        try
        {
            await batch.ExecuteAsync(cancellationToken);
        }
        catch
        {
            scope.Recorded = false;
            throw;
        }
    }

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
