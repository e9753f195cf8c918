using Fkj.Cdr.Rm.Codecs.Json;
using Fkj.Cdr.Rm.Common;
using Fkj.Cdr.Rm.Identification;
using Fkj.Cdr.Rm.Meta;
using Fkj.Cdr.Server.Auditing;
using Fkj.Cdr.Server.Database;
using Fkj.Cdr.Server.Tenancy;
using Fkj.Cdr.Storage.Records;
using Microsoft.AspNetCore.Mvc;

namespace Fkj.Cdr.Server.Ehr;

/// <summary>
/// <c>GET /ehr/{ehr_id}/contribution/{contribution_uid}</c> (ITS-REST 1.0.3): a CONTRIBUTION with its audit and
/// the versions it made. Every commit of this server is a contribution of its own; committing several versions
/// at once (<c>POST .../contribution</c>) is not built yet.
/// </summary>
public static class ContributionEndpoints
{
    public static RouteGroupBuilder MapContribution(this RouteGroupBuilder ehr)
    {
        ehr.MapGet("/{ehr_id}/contribution/{contribution_uid}", GetAsync).Audited("contribution.read");
        return ehr;
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

        var rm = new Contribution
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
        http.Response.Headers.ETag = OpenEhrHttp.ETag(contribution.ContributionId.ToString("D"));
        await RmBodies.WriteAsync(http.Response, format, rm, cancellationToken);
    }
}
