using Fkj.Cdr.Rm.Common;
using Fkj.Cdr.Rm.Content;
using Fkj.Cdr.Rm.Identification;
using Fkj.Cdr.Rm.Records;
using Fkj.Cdr.Server.Auditing;
using Fkj.Cdr.Server.Database;
using Fkj.Cdr.Server.Errors;
using Fkj.Cdr.Server.Hosting;
using Fkj.Cdr.Storage;
using Fkj.Cdr.Storage.Records;
using Fkj.Cdr.Storage.Tenancy;

namespace Fkj.Cdr.Server.Ehr;

/// <summary>A version as committed: what was asked, the RM type of its object, the version uid it got, and its document (null for a deletion).</summary>
public sealed record CommittedVersion(VersionRequest Request, string RmType, VersionUid Uid, string? Document);

/// <summary>A committed CONTRIBUTION: its row (uid and audit) and its versions, in the order of the request.</summary>
public sealed record CommittedContribution(ContributionRow Contribution, IReadOnlyList<CommittedVersion> Versions);

/// <summary>
/// Commits a CONTRIBUTION: versions of compositions, of the EHR_STATUS and of the directory FOLDER, all in one
/// transaction, all or none, under one contribution row and one audit record. Each part is checked as its own
/// endpoint checks it: a composition against its template (<see cref="CompositionService.ValidateAsync"/>), with the
/// same refusals for a stale, deleted or unknown preceding version; an EHR_STATUS with <see cref="EhrStatusRules"/>
/// and its effects on the EHR's subject and flags; a folder with <see cref="FolderRules"/>, one directory per EHR.
/// The directory endpoints commit through here too, as a contribution of one version.
/// </summary>
/// <remarks>
/// Order of refusals: the body (400, every problem of every version), then the templates (422, every version's
/// errors), then the EHR (404, 409 not modifiable), then each version against what is stored (404, 409, 412),
/// in the order of the body. Paths in errors are paths in the body (<c>/versions/2/data/...</c>).
/// </remarks>
public sealed class ContributionService
{
    /// <summary>The constraint that refuses a contribution uid that is in use.</summary>
    private const string ContributionIdTaken = "contribution_pkey";

    private readonly DatabaseService _database;
    private readonly CompositionService _compositions;
    private readonly PatientAudit _audit;
    private readonly string _systemId;
    private readonly TimeProvider _time;

    public ContributionService(DatabaseService database, CompositionService compositions, PatientAudit audit, ServerOptions options, TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        _database = database;
        _compositions = compositions;
        _audit = audit;
        _systemId = options.SystemId;
    }

    /// <summary>The EHR's pointer to its directory (ehr.directory_object_id).</summary>
    public DirectoryStore Directories { get; } = new();

    public string SystemId => _systemId;

    /// <summary>The time of a commit that starts now.</summary>
    public DateTimeOffset Now() => _time.GetUtcNow();

    /// <summary>
    /// Commits the request's versions as one contribution; its success is audited with <paramref name="status"/> in
    /// the same transaction.
    /// </summary>
    /// <exception cref="ApiException">400; 404; 409; 412 (with the latest version uid in the ETag); 422.</exception>
    public async Task<CommittedContribution> CommitAsync(HttpContext http, string tenantId, Guid ehrId, ContributionRequest request, AuditScope scope, int status,
        CancellationToken cancellationToken)
    {
        var database = _database.Require();
        var issues = ContributionRules.Check(request);
        if (issues.Count > 0)
        {
            throw ContributionErrors.InvalidBody(request.Resource, issues);
        }
        var versions = request.Versions;
        var templates = new string?[versions.Count];
        var leaves = new IReadOnlyList<LeafRow>?[versions.Count];
        await PrepareAsync(tenantId, request, templates, leaves, cancellationToken);
        await database.LeafIndex.InternAsync(leaves.Where(l => l is not null).SelectMany(l => l!).ToList(), cancellationToken);

        var commit = request.Commit;
        var contribution = Commits.Contribution(_systemId, commit, request.ChangeType);
        if (request.Uid is { } requested)
        {
            contribution = contribution with { ContributionId = requested };
        }
        scope.Details = versions.Count == 1 ? $"contribution {contribution.ContributionId:D}" : $"contribution {contribution.ContributionId:D} of {versions.Count} versions";
        // Only an EHR_STATUS may change in an EHR that is not modifiable: that is how it is made modifiable again.
        var changesContent = versions.Any(v => v.Data is not EhrStatus);

        var plans = new List<Plan>(versions.Count);
        var committed = new List<CommittedVersion>(versions.Count);
        var tx = await database.BeginAsync(tenantId, cancellationToken);
        var open = true;
        try
        {
            var ehr = await database.Ehrs.FindAsync(tx, ehrId, cancellationToken) ?? throw EhrErrors.EhrNotFound(ehrId);
            if (changesContent && !ehr.IsModifiable)
            {
                throw EhrErrors.NotModifiable(ehrId);
            }
            var context = new PlanContext(database, tx, ehr, commit.Time);
            for (var i = 0; i < versions.Count; i++)
            {
                plans.Add(await PlanAsync(context, versions[i], templates[i], cancellationToken));
            }
            var subject = versions.Any(v => v.Data is EhrStatus) ? await database.Ehrs.FindSubjectAsync(tx, ehrId, cancellationToken) : null;

            await using var batch = new RecordBatch(tx);
            database.Contributions.Add(batch, ehrId, contribution, onlyIfModifiable: changesContent);
            var gates = new List<(Plan Plan, VersionGate Gate)>();
            VersionGate? directoryGate = null;
            for (var i = 0; i < plans.Count; i++)
            {
                var plan = plans[i];
                var version = plan.Request;
                var uid = new VersionUid(plan.ObjectId, _systemId, plan.Version);
                string? document = null;
                if (!version.IsDeletion)
                {
                    version.Data!.Uid = new ObjectVersionId { Value = uid.ToString() };
                    document = Commits.Document(version.Data);
                }
                var row = Commits.Version(plan.ObjectId, plan.Version, contribution,
                    commit with { LifecycleState = version.LifecycleState, Description = version.Description }, version.ChangeType, document);
                if (plan.Preceding is { } preceding)
                {
                    gates.Add((plan, database.Versions.AddNext(batch, ehrId, preceding, row)));
                }
                else
                {
                    database.Versions.AddFirst(batch, ehrId, plan.RmType, plan.TemplateId, row);
                }
                if (document is not null)
                {
                    database.LeafIndex.Add(batch, ehrId, plan.ObjectId, plan.Version, leaves[i]!);
                }
                if (version.Data is EhrStatus ehrStatus && !version.IsDeletion)
                {
                    EhrService.AddStatusEffects(database, batch, ehr, subject, ehrStatus);
                }
                if (plan.RmType == VersionedType.Folder && plan.Preceding is null)
                {
                    directoryGate = Directories.Set(batch, ehrId, plan.PreviousDirectory, plan.ObjectId);
                }
                committed.Add(new CommittedVersion(version, plan.RmType, uid, document));
            }
            if (plans.Count == 1)
            {
                scope.ObjectId = plans[0].ObjectId;
                scope.Version = plans[0].Version;
            }
            _audit.Add(batch, http, scope, status);

            RecordConflictException? conflict = null;
            try
            {
                await batch.ExecuteAsync(cancellationToken);
            }
            catch (RecordConflictException e)
            {
                conflict = e;
            }
            catch
            {
                scope.Recorded = false;
                throw;
            }
            if (conflict is not null || directoryGate is { Passed: false } || gates.Any(g => !g.Gate.Passed))
            {
                // Rolled back first: the explanation reads what the winner of a race committed.
                scope.Recorded = false;
                open = false;
                await tx.DisposeAsync();
                throw conflict is not null
                    ? await ExplainAsync(conflict, tenantId, ehrId, plans, contribution.ContributionId, cancellationToken)
                    : directoryGate is { Passed: false }
                        ? ContributionErrors.At(ContributionErrors.DirectoryExists(ehrId, null), plans.First(p => p.RmType == VersionedType.Folder).Request.DataPath)
                        : await RaceLostAsync(tenantId, ehrId, gates.Select(g => g.Plan).ToList(), cancellationToken);
            }
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
        finally
        {
            if (open) await tx.DisposeAsync();
        }
        return new CommittedContribution(contribution, committed);
    }

    /// <summary>
    /// Validates every composition against its template and lists every version's leaf values; the 422 lists the
    /// errors of every version at their paths in the body.
    /// </summary>
    private async Task PrepareAsync(string tenantId, ContributionRequest request, string?[] templates, IReadOnlyList<LeafRow>?[] leaves, CancellationToken cancellationToken)
    {
        var issues = new List<ErrorIssue>();
        string? code = null;
        var failed = 0;
        for (var i = 0; i < request.Versions.Count; i++)
        {
            var version = request.Versions[i];
            if (version.IsDeletion || version.Data is not { } data)
            {
                continue;
            }
            try
            {
                if (data is Composition composition)
                {
                    templates[i] = (await _compositions.ValidateAsync(tenantId, composition, cancellationToken)).TemplateId;
                }
                leaves[i] = Commits.Leaves(data);
            }
            catch (ApiException e) when (e.Status == StatusCodes.Status422UnprocessableEntity)
            {
                if (request.Resource != "contribution")
                {
                    throw;
                }
                var moved = ContributionErrors.At(e, version.DataPath);
                code ??= e.Code;
                issues.AddRange(moved.Issues.Count > 0 ? moved.Issues : [new ErrorIssue(e.Code, e.Message, moved.Path)]);
                failed++;
            }
        }
        if (issues.Count > 0)
        {
            throw ContributionErrors.Unprocessable(code!, failed, issues);
        }
    }

    /// <summary>What one version will write: its object, version number, and what it follows.</summary>
    /// <param name="Preceding">The version it follows; null for a creation.</param>
    /// <param name="PreviousDirectory">For a new directory: the EHR's directory before it (a deleted one), or null.</param>
    private sealed record Plan(VersionRequest Request, string RmType, Guid ObjectId, int Version, int? Preceding, string? TemplateId, Guid? PreviousDirectory = null);

    private sealed class PlanContext(CdrDatabase database, TenantTransaction tx, EhrRow ehr, DateTimeOffset time)
    {
        private EhrDirectoryRow? _directory;

        public CdrDatabase Database { get; } = database;

        public TenantTransaction Tx { get; } = tx;

        public EhrRow Ehr { get; } = ehr;

        public DateTimeOffset Time { get; } = time;

        public async Task<EhrDirectoryRow> DirectoryAsync(DirectoryStore store, CancellationToken cancellationToken) =>
            _directory ??= await store.FindAsync(Tx, Ehr.EhrId, cancellationToken) ?? throw EhrErrors.EhrNotFound(Ehr.EhrId);
    }

    private async Task<Plan> PlanAsync(PlanContext context, VersionRequest version, string? templateId, CancellationToken cancellationToken)
    {
        var rmType = version.Data switch
        {
            Composition => VersionedType.Composition,
            EhrStatus => VersionedType.EhrStatus,
            Folder => VersionedType.Folder,
            _ => version.RmType,
        };
        if (version.IsCreation)
        {
            return await PlanCreationAsync(context, version, rmType!, templateId, cancellationToken);
        }
        var preceding = VersionUid.TryParse(version.PrecedingVersionUid, out var parsed) ? parsed.Value : throw new InvalidOperationException("Checked by ContributionRules.");
        rmType ??= await TypeOfAsync(context, version, preceding, cancellationToken);
        return rmType switch
        {
            VersionedType.Composition => await PlanCompositionAsync(context, version, preceding, templateId, cancellationToken),
            VersionedType.EhrStatus => await PlanStatusAsync(context, version, preceding, cancellationToken),
            _ => await PlanFolderAsync(context, version, preceding, cancellationToken),
        };
    }

    private async Task<Plan> PlanCreationAsync(PlanContext context, VersionRequest version, string rmType, string? templateId, CancellationToken cancellationToken)
    {
        var objectId = ContributionRules.RequestedObjectId(version) ?? Guid.CreateVersion7(context.Time);
        switch (rmType)
        {
            case VersionedType.EhrStatus:
                throw ContributionErrors.EhrStatusExists(version.Path + "/commit_audit/change_type");
            case VersionedType.Folder:
                var directory = await context.DirectoryAsync(Directories, cancellationToken);
                if (directory.DirectoryObjectId is { } current
                    && await context.Database.Versions.FindObjectAsync(context.Tx, context.Ehr.EhrId, current, VersionedType.Folder, cancellationToken) is { LatestDeleted: false } existing)
                {
                    var latest = new VersionUid(current, _systemId, existing.LatestVersion).ToString();
                    throw ContributionErrors.At(ContributionErrors.DirectoryExists(context.Ehr.EhrId, latest).WithHeader("ETag", OpenEhrHttp.ETag(latest)), version.DataPath);
                }
                return new Plan(version, rmType, objectId, 1, null, null, directory.DirectoryObjectId);
            default:
                return new Plan(version, rmType, objectId, 1, null, templateId);
        }
    }

    /// <summary>As PUT and DELETE of a composition: 404 unknown or (for an update) deleted, 412 stale update, 409 stale deletion, 400 deleted already.</summary>
    private async Task<Plan> PlanCompositionAsync(PlanContext context, VersionRequest version, VersionUid preceding, string? templateId, CancellationToken cancellationToken)
    {
        var ehrId = context.Ehr.EhrId;
        var where = version.PrecedingPath ?? version.Path;
        var named = preceding.ToString();
        var versioned = await context.Database.Versions.FindObjectAsync(context.Tx, ehrId, preceding.ObjectId, VersionedType.Composition, cancellationToken);
        if (versioned is null || (version.IsDeletion && (preceding.SystemId != _systemId || preceding.Version > versioned.LatestVersion)))
        {
            throw ContributionErrors.At(EhrErrors.CompositionNotFound(ehrId, named), where, version.Name);
        }
        var latest = new VersionUid(preceding.ObjectId, _systemId, versioned.LatestVersion);
        var tag = OpenEhrHttp.ETag(latest.ToString());
        if (version.IsDeletion)
        {
            if (versioned.LatestDeleted) throw ContributionErrors.At(EhrErrors.AlreadyDeleted(named).WithHeader("ETag", tag), where, version.Name);
            if (preceding != latest) throw ContributionErrors.At(EhrErrors.NotLatest(named, latest.ToString()).WithHeader("ETag", tag), where, version.Name);
        }
        else
        {
            if (versioned.LatestDeleted) throw ContributionErrors.At(EhrErrors.CompositionDeleted(ehrId, preceding.ObjectId.ToString("D")).WithHeader("ETag", tag), where, version.Name);
            if (preceding != latest) throw ContributionErrors.At(EhrErrors.Stale(named, latest.ToString()).WithHeader("ETag", tag), where, version.Name);
            if (versioned.TemplateId is { } previous && previous != templateId)
            {
                throw ContributionErrors.At(EhrErrors.TemplateChanged(previous, templateId ?? ""), version.DataPath, version.Name);
            }
        }
        return new Plan(version, VersionedType.Composition, preceding.ObjectId, latest.Version + 1, latest.Version, versioned.TemplateId);
    }

    /// <summary>As PUT of the EHR_STATUS: 404 for a version of another object, 412 stale.</summary>
    private async Task<Plan> PlanStatusAsync(PlanContext context, VersionRequest version, VersionUid preceding, CancellationToken cancellationToken)
    {
        var ehrId = context.Ehr.EhrId;
        var where = version.PrecedingPath ?? version.Path;
        if (preceding.ObjectId != context.Ehr.StatusObjectId)
        {
            throw ContributionErrors.At(ContributionErrors.EhrStatusNotFound(ehrId, preceding.ToString()), where, version.Name);
        }
        var versioned = await context.Database.Versions.FindObjectAsync(context.Tx, ehrId, preceding.ObjectId, VersionedType.EhrStatus, cancellationToken)
            ?? throw new InvalidOperationException($"The EHR {ehrId} has no EHR_STATUS.");
        var latest = new VersionUid(preceding.ObjectId, _systemId, versioned.LatestVersion);
        if (preceding != latest)
        {
            throw ContributionErrors.At(EhrErrors.Stale(preceding.ToString(), latest.ToString()).WithHeader("ETag", OpenEhrHttp.ETag(latest.ToString())), where, version.Name);
        }
        return new Plan(version, VersionedType.EhrStatus, preceding.ObjectId, latest.Version + 1, latest.Version, null);
    }

    /// <summary>
    /// As PUT and DELETE of the directory: 404 when there is none (or, for an update, it is deleted), 412 when the
    /// preceding version is not its latest (an If-Match naming another object included; in a contribution, another
    /// object is a 404), 400 deleted already.
    /// </summary>
    private async Task<Plan> PlanFolderAsync(PlanContext context, VersionRequest version, VersionUid preceding, CancellationToken cancellationToken)
    {
        var ehrId = context.Ehr.EhrId;
        var where = version.PrecedingPath ?? version.Path;
        var directory = await context.DirectoryAsync(Directories, cancellationToken);
        if (directory.DirectoryObjectId is not { } objectId)
        {
            throw ContributionErrors.At(ContributionErrors.DirectoryNotFound(ehrId), where, version.Name);
        }
        var versioned = await context.Database.Versions.FindObjectAsync(context.Tx, ehrId, objectId, VersionedType.Folder, cancellationToken)
            ?? throw new InvalidOperationException($"The directory {objectId} of EHR {ehrId} has no versions.");
        var latest = new VersionUid(objectId, _systemId, versioned.LatestVersion);
        var tag = OpenEhrHttp.ETag(latest.ToString());
        var named = preceding.ToString();
        if (preceding.ObjectId != objectId && version.PrecedingPath is not null)
        {
            throw ContributionErrors.At(ContributionErrors.FolderNotFound(ehrId, named), where, version.Name);
        }
        if (versioned.LatestDeleted)
        {
            throw ContributionErrors.At(version.IsDeletion
                ? ContributionErrors.AlreadyDeleted("directory", latest.ToString()).WithHeader("ETag", tag)
                : ContributionErrors.DirectoryDeleted(ehrId).WithHeader("ETag", tag), where, version.Name);
        }
        if (preceding != latest)
        {
            throw ContributionErrors.At(EhrErrors.Stale(named, latest.ToString()).WithHeader("ETag", tag), where, version.Name);
        }
        return new Plan(version, VersionedType.Folder, objectId, latest.Version + 1, latest.Version, null);
    }

    /// <summary>The RM type of the object a deletion without data names: a composition, else the directory.</summary>
    private async Task<string> TypeOfAsync(PlanContext context, VersionRequest version, VersionUid preceding, CancellationToken cancellationToken)
    {
        var versions = context.Database.Versions;
        var ehrId = context.Ehr.EhrId;
        if (await versions.FindObjectAsync(context.Tx, ehrId, preceding.ObjectId, VersionedType.Composition, cancellationToken) is not null)
        {
            return VersionedType.Composition;
        }
        if (await versions.FindObjectAsync(context.Tx, ehrId, preceding.ObjectId, VersionedType.Folder, cancellationToken) is not null)
        {
            return VersionedType.Folder;
        }
        if (preceding.ObjectId == context.Ehr.StatusObjectId)
        {
            throw ContributionErrors.At(new ApiException(StatusCodes.Status400BadRequest, "not_deletable",
                "An EHR_STATUS cannot be deleted: an EHR always has one. Commit a modification instead."), version.Path + "/commit_audit/change_type", version.Name);
        }
        throw ContributionErrors.At(ContributionErrors.ObjectNotFound(ehrId, preceding.ToString()), version.PrecedingPath ?? version.Path, version.Name);
    }

    /// <summary>Why the batch was refused by a constraint, read afresh after the rollback.</summary>
    private async Task<ApiException> ExplainAsync(RecordConflictException e, string tenantId, Guid ehrId, List<Plan> plans, Guid contributionId, CancellationToken cancellationToken)
    {
        var database = _database.Require();
        switch (e.Constraint)
        {
            case VersionStore.VersionTaken:
                return await RaceLostAsync(tenantId, ehrId, plans.Where(p => p.Preceding is not null).ToList(), cancellationToken);
            case ContributionIdTaken:
                return ContributionErrors.ContributionExists(contributionId);
            case EhrStore.SubjectTaken:
                var status = plans.First(p => p.Request.Data is EhrStatus);
                var subject = EhrStatusRules.Subject((EhrStatus)status.Request.Data!)!;
                return ContributionErrors.At(EhrErrors.SubjectTaken(subject.Id, subject.Namespace), status.Request.DataPath + "/subject", status.Request.Name);
            case VersionStore.ObjectIdTaken:
                var created = plans.Where(p => p.Preceding is null).ToList();
                await using (var tx = await database.BeginAsync(tenantId, cancellationToken))
                {
                    foreach (var plan in created)
                    {
                        foreach (var type in new[] { VersionedType.Composition, VersionedType.Folder, VersionedType.EhrStatus })
                        {
                            if (await database.Versions.FindObjectAsync(tx, ehrId, plan.ObjectId, type, cancellationToken) is not null)
                            {
                                return ContributionErrors.ObjectExists(plan.Request.DataPath + "/uid", plan.ObjectId);
                            }
                        }
                    }
                }
                return plans.Any(p => p.RmType == VersionedType.Folder && p.Preceding is null)
                    ? ContributionErrors.DirectoryExists(ehrId, null)
                    : ContributionErrors.ObjectIdsTaken(created.Select(p => p.ObjectId));
        }
        if (!e.IsUniqueViolation)
        {
            // The contribution row was not written (the EHR is gone, or no longer modifiable), so its versions' keys failed.
            await using var tx = await database.BeginAsync(tenantId, cancellationToken);
            var ehr = await database.Ehrs.FindAsync(tx, ehrId, cancellationToken) ?? throw EhrErrors.EhrNotFound(ehrId);
            if (!ehr.IsModifiable)
            {
                return EhrErrors.NotModifiable(ehrId);
            }
        }
        throw new InvalidOperationException($"The contribution to EHR {ehrId} was refused by {e.Constraint}, which no rule explains.", e);
    }

    /// <summary>
    /// The refusal of a contribution that lost a race: the first version whose object has moved on since it was
    /// planned, with that object's latest version in the ETag (412; 409 for a composition's deletion, as DELETE answers).
    /// </summary>
    private async Task<ApiException> RaceLostAsync(string tenantId, Guid ehrId, List<Plan> followers, CancellationToken cancellationToken)
    {
        var database = _database.Require();
        await using var tx = await database.BeginAsync(tenantId, cancellationToken);
        foreach (var plan in followers)
        {
            var versioned = await database.Versions.FindObjectAsync(tx, ehrId, plan.ObjectId, plan.RmType, cancellationToken);
            if (versioned is null || versioned.LatestVersion == plan.Preceding)
            {
                continue;
            }
            var named = new VersionUid(plan.ObjectId, _systemId, plan.Preceding!.Value).ToString();
            var latest = new VersionUid(plan.ObjectId, _systemId, versioned.LatestVersion).ToString();
            var refusal = plan.Request.IsDeletion && plan.RmType == VersionedType.Composition ? EhrErrors.NotLatest(named, latest) : EhrErrors.Stale(named, latest);
            return ContributionErrors.At(refusal.WithHeader("ETag", OpenEhrHttp.ETag(latest)), plan.Request.PrecedingPath ?? plan.Request.Path, plan.Request.Name);
        }
        // Nothing has moved on by now (a concurrent writer rolled back after blocking this one): still refused, as stale.
        var first = followers.FirstOrDefault() ?? throw new InvalidOperationException($"A contribution to EHR {ehrId} lost a race without following any version.");
        return ContributionErrors.At(EhrErrors.Stale(new VersionUid(first.ObjectId, _systemId, first.Preceding!.Value).ToString(), "a newer one"),
            first.Request.PrecedingPath ?? first.Request.Path, first.Request.Name);
    }
}
