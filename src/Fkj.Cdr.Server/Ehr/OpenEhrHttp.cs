using System.Text;
using Fkj.Cdr.Storage.Records;

namespace Fkj.Cdr.Server.Ehr;

/// <summary>What a client asked to get back from a write (ITS-REST <c>Prefer</c> header).</summary>
public enum PreferReturn
{
    /// <summary><c>return=minimal</c>, the default: headers only.</summary>
    Minimal,

    /// <summary><c>return=representation</c>: the resource in the body.</summary>
    Representation,

    /// <summary><c>return=identifier</c>: <c>{"uid": "..."}</c>.</summary>
    Identifier,
}

/// <summary>The HTTP conventions of ITS-REST: Prefer, ETag, If-Match, Location, version_at_time, ids in the path.</summary>
public static class OpenEhrHttp
{
    /// <summary>The return preference of the request's Prefer header (minimal when absent or unknown).</summary>
    public static PreferReturn Prefer(HttpRequest request)
    {
        foreach (var value in request.Headers["Prefer"])
        {
            foreach (var part in (value ?? "").Split(',', ';'))
            {
                switch (part.Trim().ToLowerInvariant())
                {
                    case "return=representation":
                        return PreferReturn.Representation;
                    case "return=identifier":
                        return PreferReturn.Identifier;
                    case "return=minimal":
                        return PreferReturn.Minimal;
                }
            }
        }
        return PreferReturn.Minimal;
    }

    /// <summary>An entity tag: the id in double quotes.</summary>
    public static string ETag(string id) => $"\"{id}\"";

    /// <summary>
    /// The version uid of the If-Match header (in double quotes; a weak W/ prefix is allowed).
    /// </summary>
    /// <exception cref="Errors.ApiException">400 <c>if_match_required</c> when absent; 400 <c>invalid_if_match</c> when it is no version uid.</exception>
    public static VersionUid IfMatch(HttpRequest request)
    {
        var values = request.Headers.IfMatch;
        if (values.Count == 0 || string.IsNullOrWhiteSpace(values.ToString()))
        {
            throw EhrErrors.IfMatchRequired();
        }
        var text = values.ToString().Trim();
        var tag = text.StartsWith("W/", StringComparison.Ordinal) ? text[2..] : text;
        if (tag.Length >= 2 && tag[0] == '"' && tag[^1] == '"')
        {
            tag = tag[1..^1];
        }
        return VersionUid.TryParse(tag, out var uid) ? uid.Value : throw EhrErrors.InvalidIfMatch(text);
    }

    /// <summary>The <c>version_at_time</c> query parameter as an instant, or null when absent.</summary>
    /// <exception cref="Errors.ApiException">400 <c>invalid_version_at_time</c>.</exception>
    public static DateTimeOffset? VersionAtTime(HttpRequest request)
    {
        var text = request.Query["version_at_time"].ToString();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        // A '+' in a query string is a space to the form decoder: a zone written +01:00 unescaped arrives as " 01:00".
        var repaired = text.Replace(' ', '+');
        return TemporalText.DateTimeInstant(repaired) is { } instant
            ? new DateTimeOffset(instant, TimeSpan.Zero)
            : throw EhrErrors.InvalidVersionAtTime(text);
    }

    /// <summary>An EHR id from the path: a UUID.</summary>
    /// <exception cref="Errors.ApiException">400 <c>invalid_ehr_id</c>.</exception>
    public static Guid EhrId(string? text) =>
        Guid.TryParseExact(text, "D", out var id) ? id : throw EhrErrors.InvalidEhrId(text ?? "");

    /// <summary>The absolute URL of a path below the openEHR base (<c>/ehr/...</c>).</summary>
    public static string Location(HttpContext http, string relative)
    {
        var request = http.Request;
        return $"{request.Scheme}://{request.Host}{request.PathBase}{OpenEhrApi.BasePath}{relative}";
    }

    /// <summary>Writes <c>{"uid":"..."}</c> (ITS-REST's Identifier) as the body.</summary>
    public static Task WriteIdentifierAsync(HttpResponse response, string uid, CancellationToken cancellationToken)
    {
        response.ContentType = "application/json";
        var body = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["uid"] = uid });
        return response.Body.WriteAsync(body, cancellationToken).AsTask();
    }

    /// <summary>Writes UTF-8 text with its length.</summary>
    public static Task WriteUtf8Async(HttpResponse response, string contentType, string text, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        response.ContentType = contentType;
        response.ContentLength = bytes.Length;
        return response.Body.WriteAsync(bytes, cancellationToken).AsTask();
    }

    /// <summary>Writes bytes with their length.</summary>
    public static Task WriteBytesAsync(HttpResponse response, string contentType, byte[] bytes, CancellationToken cancellationToken)
    {
        response.ContentType = contentType;
        response.ContentLength = bytes.Length;
        return response.Body.WriteAsync(bytes, cancellationToken).AsTask();
    }
}
