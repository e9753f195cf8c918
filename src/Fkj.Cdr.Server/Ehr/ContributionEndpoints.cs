using Fkj.Cdr.Rm.Codecs.Json;
using Fkj.Cdr.Rm.Common;
using Fkj.Cdr.Rm.Identification;
using Fkj.Cdr.Rm.Meta;
using Fkj.Cdr.Server.Auditing;
using Fkj.Cdr.Server.Database;
using Fkj.Cdr.Server.Hosting;
using Fkj.Cdr.Server.Http;
using Fkj.Cdr.Server.Tenancy;
using Fkj.Cdr.Storage.Records;
using Microsoft.AspNetCore.Mvc;

namespace Fkj.Cdr.Server.Ehr;

/// <summary>
/// The CONTRIBUTION resource (ITS-REST 1.0.3): <c>POST /ehr/{ehr_id}/contribution</c> commits several versions at
/// once (<see cref="ContributionService"/>), <c>GET /ehr/{ehr_id}/contribution/{contribution_uid}</c> reads one
/// with its audit and the versions it made. Every other commit of this server is a contribution of its own too.
/// </summary>
public static class ContributionEndpoints
{
    public static RouteGroupBuilder MapContribution(this RouteGroupBuilder ehr)
    {
        ehr.MapPost("/{ehr_id}/contribution", CreateAsync).Audited("contribution.create");
        ehr.MapGet("/{ehr_id}/contribution/{contribution_uid}", GetAsync).Audited("contribution.read");
        return ehr;
    }

    private static async Task CreateAsync(HttpContext http, [FromRoute(Name = "ehr_id")] string ehrId, RequestTenant tenant, ContributionService service,
        AuditScope scope, ServerOptions options, CancellationToken cancellationToken)
    {
        var id = OpenEhrHttp.EhrId(ehrId);
        var prefer = OpenEhrHttp.Prefer(http.Request);
        var format = prefer == PreferReturn.Representation ? RmBodies.Accepted(http.Request, simplifiedToo: false) : RmFormat.Json;
        var body = await RmBodies.ReadAsync(http.Request, options, "CONTRIBUTION", cancellationToken);
        if (RmBodies.IsEmpty(body))
        {
            throw EhrErrors.BodyRequired("CONTRIBUTION");
        }
        var now = service.Now();
        var request = RmFormats.OfContentType(http.Request.ContentType) switch
        {
            RmFormat.Json => ContributionJson.Read(body, now),
            RmFormat.Xml => ContributionXml.Read(body, now),
            _ => throw EhrErrors.UnsupportedMediaType(http.Request.ContentType, [MediaTypes.Json, MediaTypes.Xml]),
        };
        var committed = await service.CommitAsync(http, tenant.Id, id, request, scope, StatusCodes.Status201Created, cancellationToken);
        var uid = committed.Contribution.ContributionId.ToString("D");
        var response = http.Response;
        response.StatusCode = StatusCodes.Status201Created;
        response.Headers.ETag = OpenEhrHttp.ETag(uid);
        response.Headers.Location = OpenEhrHttp.Location(http, $"{EhrEndpoints.Path}/{id:D}/contribution/{uid}");
        switch (prefer)
        {
            case PreferReturn.Identifier:
                await OpenEhrHttp.WriteIdentifierAsync(response, uid, cancellationToken);
                break;
            case PreferReturn.Representation:
                await RmBodies.WriteAsync(response, format,
                    View(committed.Contribution, committed.Versions.Select(v => new ContributedVersion(v.Uid.ObjectId, v.RmType, v.Uid.Version))), cancellationToken);
                break;
        }
    }

    private static async Task GetAsync(HttpContext http, [FromRoute(Name = "ehr_id")] string ehrId, [FromRoute(Name = "contribution_uid")] string contributionUid,
        RequestTenant tenant, DatabaseService databaseService, PatientAudit audit, AuditScope scope, CancellationToken cancellationToken)
    {
        var id = OpenEhrHttp.EhrId(ehrId);
        if (!Guid.TryParseExact(contributionUid, "D", out var contributionId))
        {
            throw EhrErrors.InvalidUid(contributionUid, "a contribution uid (a UUID)");
        }
        var format = RmBodies.Accepted(http.Request, simplifiedToo: false);
        var database = databaseService.Require();
        ContributionRow contribution;
        IReadOnlyList<ContributedVersion> versions;
        await using (var tx = await database.BeginAsync(tenant.Id, cancellationToken))
        {
            var found = await database.Contributions.FindAsync(tx, id, contributionId, cancellationToken);
            if (found is null)
            {
                _ = await database.Ehrs.FindAsync(tx, id, cancellationToken) ?? throw EhrErrors.EhrNotFound(id);
                throw EhrErrors.ContributionNotFound(id, contributionUid);
            }
            contribution = found;
            versions = await database.Contributions.VersionsAsync(tx, id, contributionId, cancellationToken);
            scope.Details = $"contribution {contributionId:D}";
            await audit.AppendAsync(tx, http, scope, StatusCodes.Status200OK, cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }

        http.Response.Headers.ETag = OpenEhrHttp.ETag(contribution.ContributionId.ToString("D"));
        await RmBodies.WriteAsync(http.Response, format, View(contribution, versions), cancellationToken);
    }

    /// <summary>The CONTRIBUTION of a stored contribution row and its versions: uid, versions as references, audit.</summary>
    internal static Contribution View(ContributionRow contribution, IEnumerable<ContributedVersion> versions) => new()
    {
        Uid = new HierObjectId { Value = contribution.ContributionId.ToString("D") },
        Versions = versions.Select(v => new ObjectRef
        {
            Id = new ObjectVersionId { Value = new VersionUid(v.ObjectId, contribution.SystemId, v.Version).ToString() },
            Namespace = "local",
            Type = v.RmType == VersionedType.Composition ? "VERSIONED_COMPOSITION" : v.RmType == VersionedType.EhrStatus ? "VERSIONED_EHR_STATUS" : "VERSIONED_FOLDER",
        }).ToList(),
        Audit = new AuditDetails
        {
            SystemId = contribution.SystemId,
            Committer = (PartyProxy)CanonicalJson.Decode(System.Text.Encoding.UTF8.GetBytes(contribution.Committer), RmModel.Of<PartyProxy>()),
            TimeCommitted = new Rm.DataTypes.DvDateTime { Value = CommitHeaders.Iso(contribution.TimeCommitted) },
            ChangeType = RmViews.OpenEhrCode(ChangeType.Rubric(contribution.ChangeType), contribution.ChangeType),
            Description = contribution.Description is { } d ? new Rm.DataTypes.DvText { Value = d } : null,
        },
    };
}
