using System.Text.Json;
using Fkj.Cdr.Server.Database;
using Fkj.Cdr.Server.Errors;
using Fkj.Cdr.Terminology.Storage;
using Microsoft.AspNetCore.Http.Features;

namespace Fkj.Cdr.Server.Terminology;

/// <summary>
/// The SNOMED CT import admin API (not tenant-scoped: terminology is shared by every tenant):
/// <c>POST /admin/terminology/snomed/imports[?name=...]</c> with a release as an <c>application/zip</c> body (streamed
/// to a temporary file, at most <see cref="MaxBodyBytes"/>) answers 202 with a Location once the release has been
/// checked, 400 (<c>invalid_zip</c>, <c>invalid_release</c>, <c>invalid_rf2</c> with the file and line) when it is
/// broken, 409 while another import runs; <c>GET .../imports/{id}</c> shows the state and progress.
/// </summary>
public static class SnomedImportEndpoints
{
    public const string Path = "/admin/terminology/snomed/imports";

    /// <summary>The largest release zip accepted (the International Edition's is about 0.5 GB).</summary>
    public const long MaxBodyBytes = 4L << 30;

    public static IEndpointRouteBuilder MapSnomedImports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, async (HttpContext context, SnomedImportService imports, CancellationToken cancellationToken) =>
        {
            var request = context.Request;
            if (!string.Equals(request.ContentType?.Split(';')[0].Trim(), "application/zip", StringComparison.OrdinalIgnoreCase))
            {
                throw new ApiException(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type",
                    "A SNOMED CT release is posted as a zip (Content-Type: application/zip).");
            }

            var name = request.Query["name"].ToString();
            var zip = await ReceiveAsync(request, cancellationToken);
            var job = imports.Start(zip, string.IsNullOrWhiteSpace(name) ? "release posted " + DateTimeOffset.UtcNow.ToString("u") : name);
            var location = $"{Path}/{job.Id}";
            context.Response.Headers.Location = location;
            return Results.Json(View(job), statusCode: StatusCodes.Status202Accepted);
        });
        endpoints.MapGet(Path + "/{id}", async (string id, SnomedImportService imports, DatabaseService database, CancellationToken cancellationToken) =>
        {
            if (Guid.TryParse(id, out var guid) && imports.Find(guid) is { } job)
            {
                return Results.Json(View(job));
            }

            // Not run by this process (a restart since, or the CLI with --data-dir): what snomed_import recorded.
            if (Guid.TryParse(id, out guid) && await new SnomedStore(database.Require().DataSource).FindImportAsync(guid, cancellationToken) is { } record)
            {
                using var files = JsonDocument.Parse(record.FilesJson);
                using var counts = JsonDocument.Parse(record.CountsJson);
                return Results.Json(new
                {
                    id = record.Id,
                    name = record.Name,
                    state = "done",
                    startedAt = record.StartedAt,
                    finishedAt = record.FinishedAt,
                    result = new { read = counts.RootElement.GetProperty("read").Clone(), changed = counts.RootElement.GetProperty("changed").Clone(), closureRows = counts.RootElement.GetProperty("closure").Clone(), files = files.RootElement.Clone() },
                });
            }

            throw new ApiException(StatusCodes.Status404NotFound, "import_not_found", $"No SNOMED CT import {id} is known to this server.");
        });
        return endpoints;
    }

    /// <summary>The body, streamed to a temporary file; 413 when it is larger than the limit.</summary>
    private static async Task<string> ReceiveAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } declared && declared > MaxBodyBytes)
        {
            throw TooLarge();
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = MaxBodyBytes + 1;
        }

        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"fkj-snomed-upload-{Guid.NewGuid():N}.zip");
        try
        {
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
            var buffer = new byte[1 << 16];
            long total = 0;
            int read;
            while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                total += read;
                if (total > MaxBodyBytes)
                {
                    throw TooLarge();
                }

                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }

            if (total == 0)
            {
                throw new ApiException(StatusCodes.Status400BadRequest, "invalid_zip", "The body is empty; post a release zip.");
            }

            return path;
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    private static ApiException TooLarge() => new(StatusCodes.Status413PayloadTooLarge, "payload_too_large",
        $"A SNOMED CT release zip may be at most {MaxBodyBytes} bytes.");

    private static object View(SnomedImportJob job)
    {
        var progress = job.Progress;
        return new
        {
            id = job.Id,
            name = job.Name,
            state = job.State,
            stage = progress.Stage,
            bytesRead = progress.BytesRead,
            totalBytes = progress.TotalBytes,
            rows = progress.Rows,
            startedAt = job.StartedAt,
            finishedAt = job.FinishedAt,
            result = job.Result is { } r
                ? new
                {
                    id = r.Id,
                    read = r.Read,
                    changed = r.Changed,
                    closureRows = r.ClosureRows,
                    changedNothing = r.ChangedNothing,
                    seconds = Math.Round(r.Elapsed.TotalSeconds, 1),
                    files = r.Files.Select(f => new { name = f.Name, size = f.Size, sha256 = f.Sha256 }),
                }
                : null,
            error = job.Error is { } e ? new { code = e.Code, message = e.Message } : null,
        };
    }
}
