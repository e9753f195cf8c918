using Fkj.Cdr.Rm.Content;
using Fkj.Cdr.Server.Auditing;
using Fkj.Cdr.Server.Definitions;
using Fkj.Cdr.Server.Hosting;
using Fkj.Cdr.Server.Tenancy;
using Fkj.Cdr.Storage.Records;
using Microsoft.AspNetCore.Mvc;

namespace Fkj.Cdr.Server.Ehr;

/// <summary>
/// The COMPOSITION and VERSIONED_COMPOSITION resources of the EHR API (ITS-REST 1.0.3), below
/// <c>/openehr/v1/ehr/{ehr_id}</c>. Handlers only translate HTTP; <see cref="CompositionService"/> does the work.
/// </summary>
public static class CompositionEndpoints
{
    public static RouteGroupBuilder MapComposition(this RouteGroupBuilder ehr)
    {
        ehr.MapPost("/{ehr_id}/composition", CreateAsync).Audited("composition.create");
        ehr.MapGet("/{ehr_id}/composition/{uid_based_id}", GetAsync).Audited("composition.read");
        ehr.MapPut("/{ehr_id}/composition/{uid_based_id}", UpdateAsync).Audited("composition.update");
        ehr.MapDelete("/{ehr_id}/composition/{uid_based_id}", DeleteAsync).Audited("composition.delete");

        ehr.MapGet("/{ehr_id}/versioned_composition/{versioned_object_uid}", GetVersionedAsync).Audited("composition.read_versioned");
        ehr.MapGet("/{ehr_id}/versioned_composition/{versioned_object_uid}/revision_history", GetHistoryAsync).Audited("composition.read_history");
        ehr.MapGet("/{ehr_id}/versioned_composition/{versioned_object_uid}/version", GetVersionAtTimeAsync).Audited("composition.read_version");
        ehr.MapGet("/{ehr_id}/versioned_composition/{versioned_object_uid}/version/{version_uid}", GetVersionByIdAsync).Audited("composition.read_version");
        return ehr;
    }

    private static async Task CreateAsync(HttpContext http, [FromRoute(Name = "ehr_id")] string ehrId, RequestTenant tenant, CompositionService service,
        ISimplifiedFormats simplified, AuditScope scope, ServerOptions options, CancellationToken cancellationToken)
    {
        var id = OpenEhrHttp.EhrId(ehrId);
        var prefer = OpenEhrHttp.Prefer(http.Request);
        var format = prefer == PreferReturn.Representation ? RmBodies.Accepted(http.Request, simplifiedToo: true, simplified) : RmFormat.Json;
        var (composition, template) = await RmBodies.ReadCompositionAsync(http, tenant.Id, service, simplified, options, cancellationToken);
        var committed = await service.CreateAsync(http, tenant.Id, id, composition, template, scope, cancellationToken);
        http.Response.StatusCode = StatusCodes.Status201Created;
        await AnswerWriteAsync(http, id, committed, template, prefer, format, simplified, cancellationToken);
    }

    private static async Task GetAsync(HttpContext http, [FromRoute(Name = "ehr_id")] string ehrId, [FromRoute(Name = "uid_based_id")] string uidBasedId,
        RequestTenant tenant, CompositionService service, ISimplifiedFormats simplified, AuditScope scope, CancellationToken cancellationToken)
    {
        var id = OpenEhrHttp.EhrId(ehrId);
        CompositionService.ParseUidBasedId(uidBasedId);
        var at = OpenEhrHttp.VersionAtTime(http.Request);
        var format = RmBodies.Accepted(http.Request, simplifiedToo: true, simplified);
        var version = await service.GetAsync(http, tenant.Id, id, uidBasedId, at, scope, cancellationToken);
        var response = http.Response;
        response.Headers.ETag = OpenEhrHttp.ETag(new VersionUid(version.ObjectId, version.SystemId, version.Version).ToString());
        if (version.IsDeletion)
        {
            response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }
        await RmBodies.WriteDocumentAsync(response, format, version.Document!,
            () => service.TemplateOfAsync(tenant.Id, version.TemplateId, cancellationToken), simplified, cancellationToken);
    }

    private static async Task UpdateAsync(HttpContext http, [FromRoute(Name = "ehr_id")] string ehrId, [FromRoute(Name = "uid_based_id")] string uidBasedId,
        RequestTenant tenant, CompositionService service, ISimplifiedFormats simplified, AuditScope scope, ServerOptions options, CancellationToken cancellationToken)
    {
        var id = OpenEhrHttp.EhrId(ehrId);
        if (VersionUid.TryParse(uidBasedId, out _))
        {
            throw EhrErrors.InvalidUid(uidBasedId, "a versioned object id (an update names the composition by its versioned object id, and the version it replaces in If-Match)");
        }
        var ifMatch = OpenEhrHttp.IfMatch(http.Request);
        var prefer = OpenEhrHttp.Prefer(http.Request);
        var format = prefer == PreferReturn.Representation ? RmBodies.Accepted(http.Request, simplifiedToo: true, simplified) : RmFormat.Json;
        var (composition, template) = await RmBodies.ReadCompositionAsync(http, tenant.Id, service, simplified, options, cancellationToken);
        var committed = await service.UpdateAsync(http, tenant.Id, id, uidBasedId, ifMatch, composition, template, scope, cancellationToken);
        http.Response.StatusCode = prefer == PreferReturn.Minimal ? StatusCodes.Status204NoContent : StatusCodes.Status200OK;
        await AnswerWriteAsync(http, id, committed, template, prefer, format, simplified, cancellationToken);
    }

    private static async Task DeleteAsync(HttpContext http, [FromRoute(Name = "ehr_id")] string ehrId, [FromRoute(Name = "uid_based_id")] string uidBasedId,
        RequestTenant tenant, CompositionService service, AuditScope scope, CancellationToken cancellationToken)
    {
        var id = OpenEhrHttp.EhrId(ehrId);
        var deleted = await service.DeleteAsync(http, tenant.Id, id, uidBasedId, scope, cancellationToken);
        http.Response.StatusCode = StatusCodes.Status204NoContent;
        http.Response.Headers.ETag = OpenEhrHttp.ETag(deleted.ToString());
    }

    private static async Task GetVersionedAsync(HttpContext http, [FromRoute(Name = "ehr_id")] string ehrId, [FromRoute(Name = "versioned_object_uid")] string objectId,
        RequestTenant tenant, CompositionService service, AuditScope scope, CancellationToken cancellationToken)
    {
        var id = OpenEhrHttp.EhrId(ehrId);
        var (versioned, _) = await service.GetHistoryAsync(http, tenant.Id, id, objectId, scope, cancellationToken);
        await EhrEndpoints.WriteVersionedObjectAsync(http.Response, "VERSIONED_COMPOSITION", versioned, id, cancellationToken);
    }

    private static async Task GetHistoryAsync(HttpContext http, [FromRoute(Name = "ehr_id")] string ehrId, [FromRoute(Name = "versioned_object_uid")] string objectId,
        RequestTenant tenant, CompositionService service, AuditScope scope, CancellationToken cancellationToken)
    {
        var id = OpenEhrHttp.EhrId(ehrId);
        var format = RmBodies.Accepted(http.Request, simplifiedToo: false);
        var (_, history) = await service.GetHistoryAsync(http, tenant.Id, id, objectId, scope, cancellationToken);
        await RmBodies.WriteAsync(http.Response, format, RmViews.History(history), cancellationToken);
    }

    private static async Task GetVersionAtTimeAsync(HttpContext http, [FromRoute(Name = "ehr_id")] string ehrId, [FromRoute(Name = "versioned_object_uid")] string objectId,
        RequestTenant tenant, CompositionService service, AuditScope scope, CancellationToken cancellationToken)
    {
        var id = OpenEhrHttp.EhrId(ehrId);
        if (!Guid.TryParseExact(objectId, "D", out _))
        {
            throw EhrErrors.InvalidUid(objectId, "a versioned object id");
        }
        var at = OpenEhrHttp.VersionAtTime(http.Request);
        var format = RmBodies.Accepted(http.Request, simplifiedToo: false);
        var version = await service.GetAsync(http, tenant.Id, id, objectId, at, scope, cancellationToken);
        http.Response.Headers.ETag = OpenEhrHttp.ETag(new VersionUid(version.ObjectId, version.SystemId, version.Version).ToString());
        await WriteVersionAsync(http.Response, format, version, cancellationToken);
    }

    private static async Task GetVersionByIdAsync(HttpContext http, [FromRoute(Name = "ehr_id")] string ehrId, [FromRoute(Name = "versioned_object_uid")] string objectId,
        [FromRoute(Name = "version_uid")] string versionUid, RequestTenant tenant, CompositionService service, AuditScope scope, CancellationToken cancellationToken)
    {
        var id = OpenEhrHttp.EhrId(ehrId);
        var (versionObject, uid) = CompositionService.ParseUidBasedId(versionUid);
        if (uid is null || !Guid.TryParseExact(objectId, "D", out var versionedId) || versionObject != versionedId)
        {
            throw EhrErrors.VersionNotFound("composition", id, versionUid);
        }
        var format = RmBodies.Accepted(http.Request, simplifiedToo: false);
        var version = await service.GetAsync(http, tenant.Id, id, versionUid, null, scope, cancellationToken);
        await WriteVersionAsync(http.Response, format, version, cancellationToken);
    }

    private static Task WriteVersionAsync(HttpResponse response, RmFormat format, StoredVersion version, CancellationToken cancellationToken) =>
        RmBodies.WriteAsync(response, format, RmViews.Version(version, version.Document is { } document ? Commits.Decode<Composition>(document) : null), cancellationToken);

    /// <summary>The headers and body of a successful POST or PUT: Location and ETag of the new version, and what Prefer asked for.</summary>
    private static async Task AnswerWriteAsync(HttpContext http, Guid ehrId, CommittedComposition committed, CompiledTemplate template, PreferReturn prefer,
        RmFormat format, ISimplifiedFormats simplified, CancellationToken cancellationToken)
    {
        var uid = committed.Uid.ToString();
        var response = http.Response;
        response.Headers.ETag = OpenEhrHttp.ETag(uid);
        response.Headers.Location = OpenEhrHttp.Location(http, $"{EhrEndpoints.Path}/{ehrId:D}/composition/{uid}");
        switch (prefer)
        {
            case PreferReturn.Identifier:
                await OpenEhrHttp.WriteIdentifierAsync(response, uid, cancellationToken);
                break;
            case PreferReturn.Representation:
                await RmBodies.WriteDocumentAsync(response, format, committed.Document, () => Task.FromResult(template), simplified, cancellationToken);
                break;
        }
    }
}
