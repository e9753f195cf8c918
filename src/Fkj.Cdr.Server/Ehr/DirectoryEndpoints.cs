using Fkj.Cdr.Rm.Codecs;
using Fkj.Cdr.Rm.Codecs.Json;
using Fkj.Cdr.Rm.Codecs.Xml;
using Fkj.Cdr.Rm.Common;
using Fkj.Cdr.Server.Auditing;
using Fkj.Cdr.Server.Hosting;
using Fkj.Cdr.Server.Http;
using Fkj.Cdr.Server.Tenancy;
using Microsoft.AspNetCore.Mvc;

namespace Fkj.Cdr.Server.Ehr;

/// <summary>
/// The DIRECTORY resource of the EHR API (ITS-REST 1.0.3): the EHR's directory FOLDER, below
/// <c>/openehr/v1/ehr/{ehr_id}/directory</c>. Handlers only translate HTTP; <see cref="DirectoryService"/> does the work.
/// </summary>
public static class DirectoryEndpoints
{
    public static RouteGroupBuilder MapDirectory(this RouteGroupBuilder ehr)
    {
        ehr.MapPost("/{ehr_id}/directory", CreateAsync).Audited("directory.create");
        ehr.MapPut("/{ehr_id}/directory", UpdateAsync).Audited("directory.update");
        ehr.MapDelete("/{ehr_id}/directory", DeleteAsync).Audited("directory.delete");
        ehr.MapGet("/{ehr_id}/directory", GetAsync).Audited("directory.read");
        ehr.MapGet("/{ehr_id}/directory/{version_uid}", GetVersionAsync).Audited("directory.read");
        return ehr;
    }

    private static async Task CreateAsync(HttpContext http, [FromRoute(Name = "ehr_id")] string ehrId, RequestTenant tenant, DirectoryService service,
        AuditScope scope, ServerOptions options, CancellationToken cancellationToken)
    {
        var id = OpenEhrHttp.EhrId(ehrId);
        var prefer = OpenEhrHttp.Prefer(http.Request);
        var format = prefer == PreferReturn.Representation ? RmBodies.Accepted(http.Request, simplifiedToo: false) : RmFormat.Json;
        var folder = await ReadFolderAsync(http.Request, options, cancellationToken);
        var committed = await service.CreateAsync(http, tenant.Id, id, folder, scope, cancellationToken);
        http.Response.StatusCode = StatusCodes.Status201Created;
        await AnswerWriteAsync(http, id, committed, prefer, format, cancellationToken);
    }

    private static async Task UpdateAsync(HttpContext http, [FromRoute(Name = "ehr_id")] string ehrId, RequestTenant tenant, DirectoryService service,
        AuditScope scope, ServerOptions options, CancellationToken cancellationToken)
    {
        var id = OpenEhrHttp.EhrId(ehrId);
        var ifMatch = OpenEhrHttp.IfMatch(http.Request);
        var prefer = OpenEhrHttp.Prefer(http.Request);
        var format = prefer == PreferReturn.Representation ? RmBodies.Accepted(http.Request, simplifiedToo: false) : RmFormat.Json;
        var folder = await ReadFolderAsync(http.Request, options, cancellationToken);
        var status = prefer == PreferReturn.Minimal ? StatusCodes.Status204NoContent : StatusCodes.Status200OK;
        var committed = await service.UpdateAsync(http, tenant.Id, id, ifMatch, folder, scope, status, cancellationToken);
        http.Response.StatusCode = status;
        await AnswerWriteAsync(http, id, committed, prefer, format, cancellationToken);
    }

    private static async Task DeleteAsync(HttpContext http, [FromRoute(Name = "ehr_id")] string ehrId, RequestTenant tenant, DirectoryService service,
        AuditScope scope, CancellationToken cancellationToken)
    {
        var id = OpenEhrHttp.EhrId(ehrId);
        var ifMatch = OpenEhrHttp.IfMatch(http.Request);
        var deleted = await service.DeleteAsync(http, tenant.Id, id, ifMatch, scope, cancellationToken);
        http.Response.StatusCode = StatusCodes.Status204NoContent;
        http.Response.Headers.ETag = OpenEhrHttp.ETag(deleted.Uid.ToString());
    }

    private static Task GetAsync(HttpContext http, [FromRoute(Name = "ehr_id")] string ehrId, RequestTenant tenant, DirectoryService service,
        AuditScope scope, CancellationToken cancellationToken) =>
        ReadAsync(http, ehrId, null, tenant, service, scope, cancellationToken);

    private static Task GetVersionAsync(HttpContext http, [FromRoute(Name = "ehr_id")] string ehrId, [FromRoute(Name = "version_uid")] string versionUid,
        RequestTenant tenant, DirectoryService service, AuditScope scope, CancellationToken cancellationToken) =>
        ReadAsync(http, ehrId, versionUid, tenant, service, scope, cancellationToken);

    private static async Task ReadAsync(HttpContext http, string ehrId, string? versionUid, RequestTenant tenant, DirectoryService service,
        AuditScope scope, CancellationToken cancellationToken)
    {
        var id = OpenEhrHttp.EhrId(ehrId);
        var at = versionUid is null ? OpenEhrHttp.VersionAtTime(http.Request) : null;
        var path = http.Request.Query["path"].ToString();
        var format = RmBodies.Accepted(http.Request, simplifiedToo: false);
        var (version, folder) = await service.GetAsync(http, tenant.Id, id, versionUid, at, path, scope, cancellationToken);
        var response = http.Response;
        response.Headers.ETag = OpenEhrHttp.ETag(new VersionUid(version.ObjectId, version.SystemId, version.Version).ToString());
        if (folder is null)
        {
            response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }
        if (path.Trim('/').Length == 0)
        {
            // The whole directory: the stored document as it is.
            await RmBodies.WriteDocumentAsync(response, format, version.Document!, null, null, cancellationToken);
        }
        else
        {
            await RmBodies.WriteAsync(response, format, folder, cancellationToken);
        }
    }

    /// <summary>A FOLDER body in canonical JSON or XML (its RM invariants are checked with the commit, <see cref="FolderRules"/>).</summary>
    /// <exception cref="Errors.ApiException">400 (empty or malformed); 413; 415.</exception>
    private static async Task<Folder> ReadFolderAsync(HttpRequest request, ServerOptions options, CancellationToken cancellationToken)
    {
        var body = await RmBodies.ReadAsync(request, options, "FOLDER", cancellationToken);
        if (RmBodies.IsEmpty(body))
        {
            throw EhrErrors.BodyRequired("FOLDER");
        }
        var format = RmFormats.OfContentType(request.ContentType);
        try
        {
            return format switch
            {
                RmFormat.Json => CanonicalJson.Decode<Folder>(body),
                RmFormat.Xml => CanonicalXml.Decode<Folder>(body),
                _ => throw EhrErrors.UnsupportedMediaType(request.ContentType, [MediaTypes.Json, MediaTypes.Xml]),
            };
        }
        catch (RmFormatException e)
        {
            throw EhrErrors.InvalidBody("folder", e);
        }
    }

    /// <summary>The headers and body of a successful POST or PUT: Location and ETag of the new version, and what Prefer asked for.</summary>
    private static async Task AnswerWriteAsync(HttpContext http, Guid ehrId, CommittedVersion committed, PreferReturn prefer, RmFormat format, CancellationToken cancellationToken)
    {
        var uid = committed.Uid.ToString();
        var response = http.Response;
        response.Headers.ETag = OpenEhrHttp.ETag(uid);
        response.Headers.Location = OpenEhrHttp.Location(http, $"{EhrEndpoints.Path}/{ehrId:D}/directory/{uid}");
        switch (prefer)
        {
            case PreferReturn.Identifier:
                await OpenEhrHttp.WriteIdentifierAsync(response, uid, cancellationToken);
                break;
            case PreferReturn.Representation:
                await RmBodies.WriteDocumentAsync(response, format, committed.Document!, null, null, cancellationToken);
                break;
        }
    }
}
