using System.Text.Json;
using Fkj.Cdr.Rm.Codecs.Json;
using Fkj.Cdr.Rm.Identification;
using Fkj.Cdr.Rm.Records;
using Fkj.Cdr.Server.Auditing;
using Fkj.Cdr.Server.Hosting;
using Fkj.Cdr.Server.Tenancy;
using Fkj.Cdr.Storage.Records;
using Microsoft.AspNetCore.Mvc;

namespace Fkj.Cdr.Server.Ehr;

/// <summary>
/// The EHR and EHR_STATUS resources of the openEHR REST EHR API (ITS-REST 1.0.3), below the tenant group
/// <c>/openehr/v1</c>. Handlers only translate HTTP; <see cref="EhrService"/> does the work. Every endpoint is
/// audited (<see cref="AuditFilter"/>).
/// </summary>
public static class EhrEndpoints
{
    public const string Path = "/ehr";

    public static IEndpointRouteBuilder MapEhr(this IEndpointRouteBuilder openEhr)
    {
        var ehr = openEhr.MapGroup(Path);
        ehr.MapPost("", CreateAsync).Audited("ehr.create");
        ehr.MapGet("", GetBySubjectAsync).Audited("ehr.read");
        ehr.MapPut("/{ehr_id}", CreateWithIdAsync).Audited("ehr.create");
        ehr.MapGet("/{ehr_id}", GetAsync).Audited("ehr.read");

        ehr.MapGet("/{ehr_id}/ehr_status", GetStatusAsync).Audited("ehr_status.read");
        ehr.MapGet("/{ehr_id}/ehr_status/{version_uid}", GetStatusVersionAsync).Audited("ehr_status.read");
        ehr.MapPut("/{ehr_id}/ehr_status", UpdateStatusAsync).Audited("ehr_status.update");
        ehr.MapGet("/{ehr_id}/versioned_ehr_status", GetVersionedStatusAsync).Audited("ehr_status.read_versioned");
        ehr.MapGet("/{ehr_id}/versioned_ehr_status/revision_history", GetStatusHistoryAsync).Audited("ehr_status.read_history");
        ehr.MapGet("/{ehr_id}/versioned_ehr_status/version", GetStatusVersionAtTimeAsync).Audited("ehr_status.read_version");
        ehr.MapGet("/{ehr_id}/versioned_ehr_status/version/{version_uid}", GetStatusVersionByIdAsync).Audited("ehr_status.read_version");

        ehr.MapComposition();
        ehr.MapContribution();
        ehr.MapDirectory();
        ehr.MapEhrAudit();
        return openEhr;
    }

    private static Task CreateAsync(HttpContext http, RequestTenant tenant, EhrService service, AuditScope scope, ServerOptions options, CancellationToken cancellationToken) =>
        CreateEhrAsync(http, tenant, null, service, scope, options, cancellationToken);

    private static Task CreateWithIdAsync(HttpContext http, [FromRoute(Name = "ehr_id")] string ehrId, RequestTenant tenant, EhrService service, AuditScope scope,
        ServerOptions options, CancellationToken cancellationToken) =>
        CreateEhrAsync(http, tenant, OpenEhrHttp.EhrId(ehrId), service, scope, options, cancellationToken);

    private static async Task CreateEhrAsync(HttpContext http, RequestTenant tenant, Guid? ehrId, EhrService service, AuditScope scope, ServerOptions options, CancellationToken cancellationToken)
    {
        var prefer = OpenEhrHttp.Prefer(http.Request);
        var format = prefer == PreferReturn.Representation ? RmBodies.Accepted(http.Request, simplifiedToo: false) : RmFormat.Json;
        var status = await RmBodies.ReadEhrStatusAsync(http.Request, options, required: false, cancellationToken);
        var (view, _) = await service.CreateAsync(http, tenant.Id, ehrId, status, scope, cancellationToken);
        var response = http.Response;
        response.StatusCode = StatusCodes.Status201Created;
        SetEhrHeaders(http, view);
        await WriteEhrAsync(http, view, service.SystemId, prefer, format, cancellationToken);
    }

    private static async Task GetAsync(HttpContext http, [FromRoute(Name = "ehr_id")] string ehrId, RequestTenant tenant, EhrService service, AuditScope scope, CancellationToken cancellationToken)
    {
        var id = OpenEhrHttp.EhrId(ehrId);
        var format = RmBodies.Accepted(http.Request, simplifiedToo: false);
        var view = await service.GetAsync(http, tenant.Id, id, scope, cancellationToken);
        SetEhrHeaders(http, view);
        await WriteEhrAsync(http, view, service.SystemId, PreferReturn.Representation, format, cancellationToken);
    }

    private static async Task GetBySubjectAsync(HttpContext http, RequestTenant tenant, EhrService service, AuditScope scope, CancellationToken cancellationToken)
    {
        var subjectId = http.Request.Query["subject_id"].ToString();
        var subjectNamespace = http.Request.Query["subject_namespace"].ToString();
        if (subjectId.Length == 0 || subjectNamespace.Length == 0)
        {
            throw EhrErrors.MissingSubjectParameters();
        }
        var format = RmBodies.Accepted(http.Request, simplifiedToo: false);
        var view = await service.GetBySubjectAsync(http, tenant.Id, new EhrSubject(subjectNamespace, subjectId), scope, cancellationToken);
        SetEhrHeaders(http, view);
        await WriteEhrAsync(http, view, service.SystemId, PreferReturn.Representation, format, cancellationToken);
    }

    private static Task GetStatusAsync(HttpContext http, [FromRoute(Name = "ehr_id")] string ehrId, RequestTenant tenant, EhrService service,
        AuditScope scope, CancellationToken cancellationToken) =>
        ReadStatusAsync(http, ehrId, null, tenant, service, scope, cancellationToken);

    private static Task GetStatusVersionAsync(HttpContext http, [FromRoute(Name = "ehr_id")] string ehrId, [FromRoute(Name = "version_uid")] string versionUid,
        RequestTenant tenant, EhrService service, AuditScope scope, CancellationToken cancellationToken) =>
        ReadStatusAsync(http, ehrId, versionUid, tenant, service, scope, cancellationToken);

    private static async Task ReadStatusAsync(HttpContext http, string ehrId, string? versionUid, RequestTenant tenant, EhrService service,
        AuditScope scope, CancellationToken cancellationToken)
    {
        var id = OpenEhrHttp.EhrId(ehrId);
        var at = versionUid is null ? OpenEhrHttp.VersionAtTime(http.Request) : null;
        var format = RmBodies.Accepted(http.Request, simplifiedToo: false);
        var version = await service.GetStatusAsync(http, tenant.Id, id, versionUid, at, scope, cancellationToken);
        http.Response.Headers.ETag = OpenEhrHttp.ETag(new VersionUid(version.ObjectId, version.SystemId, version.Version).ToString());
        await RmBodies.WriteDocumentAsync(http.Response, format, version.Document!, null, null, cancellationToken);
    }

    private static async Task UpdateStatusAsync(HttpContext http, [FromRoute(Name = "ehr_id")] string ehrId, RequestTenant tenant, EhrService service,
        AuditScope scope, ServerOptions options, CancellationToken cancellationToken)
    {
        var id = OpenEhrHttp.EhrId(ehrId);
        var ifMatch = OpenEhrHttp.IfMatch(http.Request);
        var prefer = OpenEhrHttp.Prefer(http.Request);
        var format = prefer == PreferReturn.Representation ? RmBodies.Accepted(http.Request, simplifiedToo: false) : RmFormat.Json;
        var status = (await RmBodies.ReadEhrStatusAsync(http.Request, options, required: true, cancellationToken))!;
        var (version, updated) = await service.UpdateStatusAsync(http, tenant.Id, id, ifMatch, status, scope, cancellationToken);
        var uid = new VersionUid(version.ObjectId, version.SystemId, version.Version).ToString();
        var response = http.Response;
        response.Headers.ETag = OpenEhrHttp.ETag(uid);
        response.Headers.Location = OpenEhrHttp.Location(http, $"{Path}/{id:D}/ehr_status/{uid}");
        switch (prefer)
        {
            case PreferReturn.Minimal:
                response.StatusCode = StatusCodes.Status204NoContent;
                break;
            case PreferReturn.Identifier:
                response.StatusCode = StatusCodes.Status200OK;
                await OpenEhrHttp.WriteIdentifierAsync(response, uid, cancellationToken);
                break;
            default:
                response.StatusCode = StatusCodes.Status200OK;
                await RmBodies.WriteAsync(response, format, updated, cancellationToken);
                break;
        }
    }

    private static async Task GetVersionedStatusAsync(HttpContext http, [FromRoute(Name = "ehr_id")] string ehrId, RequestTenant tenant, EhrService service,
        AuditScope scope, CancellationToken cancellationToken)
    {
        var id = OpenEhrHttp.EhrId(ehrId);
        var (versioned, _) = await service.GetStatusHistoryAsync(http, tenant.Id, id, scope, cancellationToken);
        await WriteVersionedObjectAsync(http.Response, "VERSIONED_EHR_STATUS", versioned, id, cancellationToken);
    }

    private static async Task GetStatusHistoryAsync(HttpContext http, [FromRoute(Name = "ehr_id")] string ehrId, RequestTenant tenant, EhrService service,
        AuditScope scope, CancellationToken cancellationToken)
    {
        var id = OpenEhrHttp.EhrId(ehrId);
        var format = RmBodies.Accepted(http.Request, simplifiedToo: false);
        var (_, history) = await service.GetStatusHistoryAsync(http, tenant.Id, id, scope, cancellationToken);
        await RmBodies.WriteAsync(http.Response, format, RmViews.History(history), cancellationToken);
    }

    private static async Task GetStatusVersionAtTimeAsync(HttpContext http, [FromRoute(Name = "ehr_id")] string ehrId, RequestTenant tenant, EhrService service,
        AuditScope scope, CancellationToken cancellationToken)
    {
        var id = OpenEhrHttp.EhrId(ehrId);
        var at = OpenEhrHttp.VersionAtTime(http.Request);
        var format = RmBodies.Accepted(http.Request, simplifiedToo: false);
        var version = await service.GetStatusAsync(http, tenant.Id, id, null, at, scope, cancellationToken);
        http.Response.Headers.ETag = OpenEhrHttp.ETag(new VersionUid(version.ObjectId, version.SystemId, version.Version).ToString());
        await RmBodies.WriteAsync(http.Response, format, RmViews.Version(version, Commits.Decode<EhrStatus>(version.Document!)), cancellationToken);
    }

    private static async Task GetStatusVersionByIdAsync(HttpContext http, [FromRoute(Name = "ehr_id")] string ehrId, [FromRoute(Name = "version_uid")] string versionUid,
        RequestTenant tenant, EhrService service, AuditScope scope, CancellationToken cancellationToken)
    {
        var id = OpenEhrHttp.EhrId(ehrId);
        var format = RmBodies.Accepted(http.Request, simplifiedToo: false);
        var version = await service.GetStatusAsync(http, tenant.Id, id, versionUid, null, scope, cancellationToken);
        await RmBodies.WriteAsync(http.Response, format, RmViews.Version(version, Commits.Decode<EhrStatus>(version.Document!)), cancellationToken);
    }

    /// <summary>
    /// A VERSIONED_COMPOSITION or VERSIONED_EHR_STATUS (ITS-REST's schema: uid, owner_id, time_created), as JSON.
    /// </summary>
    internal static async Task WriteVersionedObjectAsync(HttpResponse response, string type, VersionedObjectRow versioned, Guid ehrId, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("_type", type);
            writer.WritePropertyName("uid");
            CanonicalJson.Encode(writer, new HierObjectId { Value = versioned.ObjectId.ToString("D") });
            writer.WritePropertyName("owner_id");
            CanonicalJson.Encode(writer, new ObjectRef { Id = new HierObjectId { Value = ehrId.ToString("D") }, Namespace = "local", Type = "EHR" });
            writer.WritePropertyName("time_created");
            CanonicalJson.Encode(writer, new Rm.DataTypes.DvDateTime { Value = CommitHeaders.Iso(versioned.TimeCreated) });
            writer.WriteEndObject();
        }
        await OpenEhrHttp.WriteBytesAsync(response, "application/json", buffer.ToArray(), cancellationToken);
    }

    private static void SetEhrHeaders(HttpContext http, EhrView view)
    {
        http.Response.Headers.ETag = OpenEhrHttp.ETag(view.Ehr.EhrId.ToString("D"));
        http.Response.Headers.Location = OpenEhrHttp.Location(http, $"{Path}/{view.Ehr.EhrId:D}");
    }

    private static Task WriteEhrAsync(HttpContext http, EhrView view, string systemId, PreferReturn prefer, RmFormat format, CancellationToken cancellationToken) => prefer switch
    {
        PreferReturn.Minimal => Task.CompletedTask,
        PreferReturn.Identifier => OpenEhrHttp.WriteIdentifierAsync(http.Response, view.Ehr.EhrId.ToString("D"), cancellationToken),
        _ => RmBodies.WriteAsync(http.Response, format, RmViews.Ehr(view.Ehr, systemId, view.Status, view.Directory), cancellationToken),
    };
}
