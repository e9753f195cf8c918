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
