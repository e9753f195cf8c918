using Fkj.Cdr.Server.Http;
using Microsoft.Net.Http.Headers;

namespace Fkj.Cdr.Server.Ehr;

/// <summary>The representations of RM resources in the EHR API (ITS-REST Content-Type and Accept of LOCATABLEs).</summary>
public enum RmFormat
{
    /// <summary>Canonical JSON (ITS-JSON), <c>application/json</c>.</summary>
    Json,

    /// <summary>Canonical XML (ITS-XML), <c>application/xml</c>.</summary>
    Xml,

    /// <summary>The simplified FLAT format of a template, <c>application/openehr.wt.flat+json</c>.</summary>
    Flat,

    /// <summary>The simplified STRUCTURED format of a template, <c>application/openehr.wt.structured+json</c>.</summary>
    Structured,
}

/// <summary>Media types of <see cref="RmFormat"/>s, and which one a request sends or accepts.</summary>
public static class RmFormats
{
    public const string FlatJson = "application/openehr.wt.flat+json";
    public const string StructuredJson = "application/openehr.wt.structured+json";

    public static string MediaType(RmFormat format) => format switch
    {
        RmFormat.Json => MediaTypes.Json,
        RmFormat.Xml => MediaTypes.Xml,
        RmFormat.Flat => FlatJson,
        _ => StructuredJson,
    };

    /// <summary>The format of a request body's Content-Type, or null when it is none of them.</summary>
    public static RmFormat? OfContentType(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed))
        {
            return null;
        }
        var type = parsed.MediaType.Value ?? "";
        if (type.Equals(MediaTypes.Json, StringComparison.OrdinalIgnoreCase)) return RmFormat.Json;
        if (type.Equals(MediaTypes.Xml, StringComparison.OrdinalIgnoreCase) || type.Equals(MediaTypes.TextXml, StringComparison.OrdinalIgnoreCase)) return RmFormat.Xml;
        if (MediaTypes.IsFlat(type)) return RmFormat.Flat;
        if (MediaTypes.IsStructured(type)) return RmFormat.Structured;
        return null;
    }

    /// <summary>The first of <paramref name="offered"/> that the request's Accept allows (the first offered without Accept), or null (406).</summary>
    /// <remarks>FLAT and STRUCTURED are also accepted in the SDK's <c>….schema+json</c> spellings.</remarks>
    public static RmFormat? Negotiate(HttpRequest request, params RmFormat[] offered)
    {
        var types = offered.SelectMany(SpellingsOf).ToArray();
        return MediaTypes.Negotiate(request, types) switch
        {
            null => null,
            var chosen when MediaTypes.IsFlat(chosen) => RmFormat.Flat,
            var chosen when MediaTypes.IsStructured(chosen) => RmFormat.Structured,
            var chosen => offered.First(f => MediaType(f) == chosen),
        };
    }

    private static IEnumerable<string> SpellingsOf(RmFormat format) => format switch
    {
        RmFormat.Flat => [MediaTypes.FlatJson, MediaTypes.FlatSchemaJson],
        RmFormat.Structured => [MediaTypes.StructuredJson, MediaTypes.StructuredSchemaJson],
        _ => [MediaType(format)],
    };
}
