using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Fkj.Cdr.Load.Measurement;

namespace Fkj.Cdr.Load.OpenEhr;

/// <summary>
/// The few openEHR REST calls (ITS-REST 1.0.3, below <c>/openehr/v1</c>) the scenarios make, with
/// canonical JSON and <c>Prefer: return=minimal</c>: the ids come back in <c>ETag</c> and <c>Location</c>.
/// </summary>
public sealed class OpenEhrClient(HttpClient http, string? tenant)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public HttpClient Http { get; } = http;

    /// <summary><c>POST /ehr</c> with no body; the new EHR's id. Anything but a 2xx with an id is a <see cref="LoadSetupException"/>.</summary>
    public async Task<string> CreateEhrAsync(CancellationToken cancellationToken)
    {
        using var request = NewRequest(HttpMethod.Post, "openehr/v1/ehr");
        using var response = await Http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new LoadSetupException($"POST /openehr/v1/ehr answered {(int)response.StatusCode} {response.ReasonPhrase}: {Shorten(body)}");
        }
        return VersionUid.FromETag(response.Headers.ETag?.ToString())
            ?? VersionUid.FromLocation(response.Headers.Location)
            ?? EhrIdFromBody(body)
            ?? throw new LoadSetupException("POST /openehr/v1/ehr answered without an ETag, a Location or an ehr_id.");
    }

    /// <summary><c>POST /ehr/{ehr_id}/composition</c> with canonical JSON.</summary>
    public async Task<CommitResult> CommitAsync(string ehrId, byte[] composition, CancellationToken cancellationToken)
    {
        using var request = NewRequest(HttpMethod.Post, $"openehr/v1/ehr/{Uri.EscapeDataString(ehrId)}/composition");
        request.Content = new ByteArrayContent(composition);
        request.Content.Headers.ContentType = Json;
        using var response = await Http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var outcome = Outcome(response);
        if (!outcome.IsSuccess)
        {
            return new CommitResult(outcome, null);
        }
        var uid = VersionUid.FromETag(response.Headers.ETag?.ToString()) ?? VersionUid.FromLocation(response.Headers.Location);
        return new CommitResult(outcome, uid);
    }

    /// <summary><c>GET /ehr/{ehr_id}/composition/{uid}</c>: a version uid gives that version, a versioned object id the latest.</summary>
    public async Task<RequestOutcome> GetCompositionAsync(string ehrId, string uid, CancellationToken cancellationToken)
    {
        using var request = NewRequest(HttpMethod.Get, $"openehr/v1/ehr/{Uri.EscapeDataString(ehrId)}/composition/{Uri.EscapeDataString(uid)}");
        // The default completion option reads the whole body, so its transfer is part of the latency.
        using var response = await Http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return Outcome(response);
    }

    /// <summary>
    /// <c>POST /query/aql</c> with <c>q</c> and <c>query_parameters</c> (with <paramref name="explain"/>, our
    /// <c>?explain=true</c>: the SQL and PostgreSQL's plan instead of rows). The whole answer is read and parsed, so
    /// its transfer is part of the latency; the body is null unless the answer was a 2xx.
    /// </summary>
    public async Task<(RequestOutcome Outcome, JsonDocument? Body)> QueryAsync(
        string aql, IReadOnlyDictionary<string, string>? parameters, bool explain, CancellationToken cancellationToken)
    {
        using var request = NewRequest(HttpMethod.Post, explain ? "openehr/v1/query/aql?explain=true" : "openehr/v1/query/aql");
        var body = new System.Text.Json.Nodes.JsonObject { ["q"] = aql };
        if (parameters is { Count: > 0 })
        {
            var p = new System.Text.Json.Nodes.JsonObject();
            foreach (var (name, value) in parameters)
            {
                p[name] = value;
            }
            body["query_parameters"] = p;
        }
        request.Content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(body.ToJsonString()));
        request.Content.Headers.ContentType = Json;
        using var response = await Http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var outcome = Outcome(response);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return outcome.IsSuccess ? (outcome, JsonDocument.Parse(bytes)) : (outcome, null);
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

    private static RequestOutcome Outcome(HttpResponseMessage response) => new(
        (int)response.StatusCode,
        (response.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.TooManyRequests) && response.Headers.RetryAfter is not null);

    private static string? EhrIdFromBody(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("ehr_id", out var id) && id.TryGetProperty("value", out var value)
                ? value.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Shorten(string text) => text.Length > 500 ? text[..500] + "…" : text;
}
