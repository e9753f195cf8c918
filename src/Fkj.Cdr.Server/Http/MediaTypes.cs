using Microsoft.Net.Http.Headers;

namespace Fkj.Cdr.Server.Http;

/// <summary>The media types of the openEHR REST API, and the checks of Content-Type and Accept against them.</summary>
public static class MediaTypes
{
    public const string Xml = "application/xml";
    public const string TextXml = "text/xml";
    public const string Json = "application/json";

    /// <summary>The web template (ITS-REST data representation).</summary>
    public const string WebTemplateJson = "application/openehr.wt+json";

    /// <summary>A composition in the FLAT (simSDT) format of its template's web template.</summary>
    public const string FlatJson = "application/openehr.wt.flat+json";

    /// <summary>FLAT as the openEHR SDK and EHRbase also spell it.</summary>
    public const string FlatSchemaJson = "application/openehr.wt.flat.schema+json";

    /// <summary>A composition in the STRUCTURED format of its template's web template.</summary>
    public const string StructuredJson = "application/openehr.wt.structured+json";

    /// <summary>STRUCTURED as the openEHR SDK and EHRbase also spell it.</summary>
    public const string StructuredSchemaJson = "application/openehr.wt.structured.schema+json";

    /// <summary>
    /// The media types of the web-template formats of a composition, each in both spellings, in the order a
    /// server offers them: pass them to <see cref="Negotiate"/> after the canonical types (the negotiated one is
    /// echoed as the Content-Type, so a client gets the spelling it asked for), then <see cref="IsFlat"/> /
    /// <see cref="IsStructured"/> tell which converter to use; the same two read a request's Content-Type.
    /// </summary>
    public static readonly IReadOnlyList<string> WebTemplateFormats = [FlatJson, FlatSchemaJson, StructuredJson, StructuredSchemaJson];

    /// <summary>Whether a media type (a Content-Type, with any parameters, or a negotiated type) is FLAT, in either spelling.</summary>
    public static bool IsFlat(string? mediaType) => IsOneOf(mediaType, FlatJson, FlatSchemaJson);

    /// <summary>Whether a media type (a Content-Type, with any parameters, or a negotiated type) is STRUCTURED, in either spelling.</summary>
    public static bool IsStructured(string? mediaType) => IsOneOf(mediaType, StructuredJson, StructuredSchemaJson);

    private static bool IsOneOf(string? mediaType, string first, string second) =>
        MediaTypeHeaderValue.TryParse(mediaType, out var parsed)
        && (parsed.MediaType.Equals(first, StringComparison.OrdinalIgnoreCase) || parsed.MediaType.Equals(second, StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether a Content-Type is XML: application/xml or text/xml, with any parameters.</summary>
    public static bool IsXml(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && (parsed.MediaType.Equals(Xml, StringComparison.OrdinalIgnoreCase) || parsed.MediaType.Equals(TextXml, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The first of <paramref name="offered"/> (in the server's order of preference) that the request's Accept
    /// header allows, taking the client's quality values first; the first offered when there is no Accept header
    /// or it does not parse; null when nothing offered is acceptable (a 406).
    /// </summary>
    public static string? Negotiate(HttpRequest request, params string[] offered)
    {
        var header = request.Headers.Accept;
        if (header.Count == 0 || !MediaTypeHeaderValue.TryParseList(header, out var accepted) || accepted.Count == 0)
        {
            return offered[0];
        }
        // Highest quality first; among equal qualities the more specific range first, then the client's order.
        var ranked = accepted
            .Select((range, index) => (Range: range, Index: index))
            .Where(a => (a.Range.Quality ?? 1.0) > 0)
            .OrderByDescending(a => a.Range.Quality ?? 1.0)
            .ThenBy(a => a.Range.MatchesAllTypes ? 2 : a.Range.MatchesAllSubTypes ? 1 : 0)
            .ThenBy(a => a.Index);
        foreach (var (range, _) in ranked)
        {
            foreach (var type in offered)
            {
                if (new MediaTypeHeaderValue(type).IsSubsetOf(range))
                {
                    return type;
                }
            }
        }
        return null;
    }
}
