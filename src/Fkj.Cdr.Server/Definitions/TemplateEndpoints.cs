using Fkj.Cdr.Rm.Codecs.Json;
using Fkj.Cdr.Rm.Codecs.Xml;
using Fkj.Cdr.Server.Auditing;
using Fkj.Cdr.Server.Errors;
using Fkj.Cdr.Server.Hosting;
using Fkj.Cdr.Server.Http;
using Fkj.Cdr.Server.Tenancy;
using Fkj.Cdr.Storage.Templates;
using Fkj.Cdr.Templates.Flat;
using Microsoft.AspNetCore.Mvc;

namespace Fkj.Cdr.Server.Definitions;

/// <summary>
/// The ADL 1.4 template resources of the openEHR REST DEFINITION API (ITS-REST 1.0.3), below the tenant group
/// <c>/openehr/v1</c>: upload, list, get (OPT XML as uploaded, or the web template) and example composition (canonical JSON or XML,
/// FLAT or STRUCTURED).
/// The work is the <see cref="TemplateRegistry"/>'s; these handlers only translate HTTP.
/// </summary>
/// <remarks>
/// Re-uploading the identical OPT (same bytes) under its id answers <c>200 OK</c> with the same Location
/// and ETag as the first upload's <c>201 Created</c>: nothing was created, and a client that retries an
/// upload sees that it has what it sent. Other bytes under a stored id are a <c>409 template_conflict</c>,
/// as ITS-REST prescribes for an existing template id.
/// </remarks>
public static class TemplateEndpoints
{
    public const string Path = "/definition/template/adl1.4";

    public static IEndpointRouteBuilder MapTemplateDefinitions(this IEndpointRouteBuilder openEhr)
    {
        var templates = openEhr.MapGroup(Path);
        templates.MapPost("", UploadAsync);
        templates.MapGet("", ListAsync);
        templates.MapGet("/{template_id}", GetAsync);
        templates.MapGet("/{template_id}/example", GetExampleAsync);
        return openEhr;
    }

    private static async Task UploadAsync(HttpContext http, RequestTenant tenant, TemplateRegistry registry, ServerOptions options, CancellationToken cancellationToken)
    {
        var request = http.Request;
        if (!MediaTypes.IsXml(request.ContentType))
        {
            throw new ApiException(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type",
                $"Send the operational template as {MediaTypes.Xml} (or {MediaTypes.TextXml}), not {(string.IsNullOrEmpty(request.ContentType) ? "without a Content-Type" : $"as '{request.ContentType}'")}.");
        }
        var opt = await RequestBody.ReadAsync(request, options.MaxTemplateSize, "template", "--max-template-size", cancellationToken);
        var upload = await registry.UploadAsync(tenant.Id, opt, Actor.Of(http), cancellationToken);

        var response = http.Response;
        response.StatusCode = upload.Outcome == TemplateUploadOutcome.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK;
        response.Headers.Location = LocationOf(http, upload.Stored.TemplateId);
        response.Headers.ETag = ETagOf(upload.Stored);
        if (WantsRepresentation(request))
        {
            // The representation is the OPT as sent, or its web template when that is what the client accepts.
            var mediaType = MediaTypes.Negotiate(request, MediaTypes.Xml, MediaTypes.WebTemplateJson) ?? MediaTypes.Xml;
            response.ContentType = mediaType;
            await response.Body.WriteAsync(mediaType == MediaTypes.Xml ? opt : upload.Compiled.WebTemplateJson(), cancellationToken);
        }
    }

    private static async Task<IResult> ListAsync(HttpContext http, RequestTenant tenant, TemplateRegistry registry, TemplateAudit audit, CancellationToken cancellationToken)
    {
        var templates = await registry.ListAsync(tenant.Id, cancellationToken);
        audit.Listed(tenant.Id, Actor.Of(http), templates.Count);
        return Results.Json(templates.Select(TemplateMetadata.From).ToList());
    }

    private static async Task GetAsync(HttpContext http, [FromRoute(Name = "template_id")] string templateId, RequestTenant tenant,
        TemplateRegistry registry, TemplateAudit audit, CancellationToken cancellationToken)
    {
        var mediaType = MediaTypes.Negotiate(http.Request, MediaTypes.Xml, MediaTypes.TextXml, MediaTypes.Json, MediaTypes.WebTemplateJson)
            ?? throw NotAcceptable($"The template is offered as {MediaTypes.Xml} (the OPT) or {MediaTypes.WebTemplateJson} (the web template).");
        var stored = await registry.GetAsync(tenant.Id, templateId, cancellationToken);
        var response = http.Response;
        audit.Read(tenant.Id, Actor.Of(http), templateId, mediaType);

        if (mediaType is MediaTypes.Xml or MediaTypes.TextXml)
        {
            var etag = ETagOf(stored.Summary);
            response.Headers.ETag = etag;
            if (http.Request.Headers.IfNoneMatch.Any(value => value is not null && (value.Trim() == "*" || value.Split(',').Any(tag => tag.Trim() == etag))))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
            response.ContentType = mediaType;
            response.ContentLength = stored.Opt.Length;
            await response.Body.WriteAsync(stored.Opt, cancellationToken);
            return;
        }

        // The web template, for application/openehr.wt+json and plain application/json alike (as EHRbase does).
        var webTemplate = registry.Compile(stored).WebTemplateJson();
        response.ContentType = mediaType == MediaTypes.Json ? MediaTypes.Json : MediaTypes.WebTemplateJson;
        response.ContentLength = webTemplate.Length;
        await response.Body.WriteAsync(webTemplate, cancellationToken);
    }

    private static async Task GetExampleAsync(HttpContext http, [FromRoute(Name = "template_id")] string templateId, RequestTenant tenant,
        TemplateRegistry registry, TemplateAudit audit, CancellationToken cancellationToken)
    {
        var mediaType = MediaTypes.Negotiate(http.Request, [MediaTypes.Json, MediaTypes.Xml, .. MediaTypes.WebTemplateFormats])
            ?? throw NotAcceptable($"An example composition is offered as {MediaTypes.Json} (canonical JSON), {MediaTypes.Xml} (canonical XML), "
                                   + $"{MediaTypes.FlatJson} (FLAT) or {MediaTypes.StructuredJson} (STRUCTURED).");
        var compiled = await registry.GetCompiledAsync(tenant.Id, templateId, cancellationToken);
        audit.Read(tenant.Id, Actor.Of(http), templateId, "example " + mediaType);
        // ITS-REST's type (input/output) and detail_level may be ignored, falling back to what the server has:
        // one example of the mandatory nodes, in the template's original language.
        var example = compiled.ExampleComposition(compiled.Template.Language);

        http.Response.ContentType = mediaType;
        var body = mediaType switch
        {
            MediaTypes.Json => CanonicalJson.Encode(example, indented: true),
            MediaTypes.Xml => CanonicalXml.Encode(example, indented: true),
            _ when MediaTypes.IsFlat(mediaType) => FlatComposition.Encode(example, compiled.WebTemplate(), indented: true),
            _ => StructuredComposition.Encode(example, compiled.WebTemplate(), indented: true),
        };
        await http.Response.Body.WriteAsync(body, cancellationToken);
    }

    /// <summary>The absolute URL of a template: ITS-REST's Location of an uploaded template.</summary>
    private static string LocationOf(HttpContext http, string templateId)
    {
        var request = http.Request;
        return $"{request.Scheme}://{request.Host}{request.PathBase}{OpenEhrApi.BasePath}{Path}/{Uri.EscapeDataString(templateId)}";
    }

    /// <summary>The ETag of the OPT representation: its checksum, strong, since the bytes are exactly these.</summary>
    private static string ETagOf(TemplateSummary summary) => $"\"{summary.Sha256}\"";

    private static bool WantsRepresentation(HttpRequest request) =>
        request.Headers["Prefer"].Any(value => value is not null && value.Split(',', ';').Any(p => p.Trim().Equals("return=representation", StringComparison.OrdinalIgnoreCase)));

    private static ApiException NotAcceptable(string message) =>
        new(StatusCodes.Status406NotAcceptable, "not_acceptable", message);
}
