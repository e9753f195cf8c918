using System.Globalization;
using System.Net.Http.Headers;
using Fkj.Cdr.Load.OpenEhr;

namespace Fkj.Cdr.Load.Crash;

/// <summary>
/// The requests of the crash scenario: a composition committed new (POST) or as a new version (PUT with
/// If-Match), both with <c>Prefer: return=minimal</c>, and a version read back by its uid. A request the
/// server never answered (it was killed) is an outcome, not an exception.
/// </summary>
public sealed class CrashClient(HttpClient http, string? tenant)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    /// <summary>The outcome and, for a 2xx, the version uid from the ETag (or Location).</summary>
    public async Task<(string Outcome, string? VersionUid)> CommitAsync(CommitAttempt attempt, byte[] body, CancellationToken cancellationToken)
    {
        var path = $"openehr/v1/ehr/{Uri.EscapeDataString(attempt.EhrId)}/composition";
        using var request = attempt.Kind == CommitKind.Create
            ? NewRequest(HttpMethod.Post, path)
            : NewRequest(HttpMethod.Put, $"{path}/{Uri.EscapeDataString(VersionUid.ObjectId(attempt.PrecedingUid!))}");
        if (attempt.Kind == CommitKind.Update)
        {
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{attempt.PrecedingUid}\"");
        }
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = Json;
        try
        {
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var status = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            if (!response.IsSuccessStatusCode)
            {
                return (status, null);
            }
            var uid = VersionUid.FromETag(response.Headers.ETag?.ToString()) ?? VersionUid.FromLocation(response.Headers.Location);
            return uid is null ? (status + " without a version uid", null) : (status, uid);
        }
        catch (HttpRequestException)
        {
            return ("connection-failed", null);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ("timeout", null);
        }
    }

    /// <summary><c>GET /ehr/{ehr_id}/composition/{version_uid}</c>: the status and, for a 200, the canonical JSON.</summary>
    public async Task<(int Status, byte[]? Body)> GetAsync(string ehrId, string versionUid, CancellationToken cancellationToken)
    {
        using var request = NewRequest(HttpMethod.Get, $"openehr/v1/ehr/{Uri.EscapeDataString(ehrId)}/composition/{Uri.EscapeDataString(versionUid)}");
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return ((int)response.StatusCode, response.IsSuccessStatusCode ? body : null);
    }

    private HttpRequestMessage NewRequest(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.TryAddWithoutValidation("Prefer", "return=minimal");
        if (tenant is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Tenant", tenant);
        }
        return request;
    }
}
