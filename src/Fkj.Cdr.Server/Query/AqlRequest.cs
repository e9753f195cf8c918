using System.Globalization;
using System.Text.Json;
using Fkj.Cdr.Aql.Compilation;
using Fkj.Cdr.Server.Errors;

namespace Fkj.Cdr.Server.Query;

/// <summary>
/// An AQL request as ITS-REST QUERY defines it: the query text, its parameters, and the page (<c>offset</c>,
/// <c>fetch</c>) of the result. GET carries them in the URL (<c>q</c>, <c>offset</c>, <c>fetch</c>,
/// <c>query_parameters</c> as <c>name=value&amp;...</c>, and any other name as a parameter, <c>ehr_id</c>
/// included); POST as a JSON object <c>{"q": ..., "offset": n, "fetch": n, "query_parameters": {...}}</c>.
/// </summary>
public sealed record AqlRequest(string? Query, IReadOnlyDictionary<string, object?> Parameters, long Offset, long? Fetch)
{
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal) { "q", "offset", "fetch", "query_parameters", "explain" };

    public static AqlRequest FromQueryString(HttpRequest request)
    {
        var parameters = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, values) in request.Query)
        {
            if (!Reserved.Contains(name)) parameters[name] = values.ToString();
        }
        foreach (var encoded in request.Query["query_parameters"])
        {
            foreach (var (name, values) in Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(encoded))
            {
                parameters[name] = values.ToString();
            }
        }
        var q = request.Query["q"].ToString();
        return new AqlRequest(q.Length == 0 ? null : q, parameters, Number(request.Query["offset"].ToString(), "offset") ?? 0,
            Number(request.Query["fetch"].ToString(), "fetch"));
    }

    public static async Task<AqlRequest> FromBodyAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            throw new ApiException(StatusCodes.Status413PayloadTooLarge, "payload_too_large", $"The request body is larger than {maxBytes} bytes.");
        }
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException e)
        {
            throw new ApiException(StatusCodes.Status400BadRequest, "invalid_json", $"The body is not JSON: {e.Message}", [],
                null);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ApiException(StatusCodes.Status400BadRequest, "bad_request", "The body is a JSON object: {\"q\": \"SELECT ...\", \"query_parameters\": {...}}.");
            }
            var parameters = new Dictionary<string, object?>(StringComparer.Ordinal);
            if (root.TryGetProperty("query_parameters", out var given) && given.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in given.EnumerateObject())
                {
                    parameters[property.Name] = ValueConversions.Unwrap(property.Value.Clone());
                }
            }
            string? q = root.TryGetProperty("q", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() : null;
            return new AqlRequest(q, parameters, JsonNumber(root, "offset") ?? 0, JsonNumber(root, "fetch"));
        }
    }

    /// <summary>This request with a stored query's text.</summary>
    public AqlRequest WithQuery(string query) => this with { Query = query };

    private static long? JsonNumber(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) && n >= 0) return n;
        if (value.ValueKind == JsonValueKind.String) return Number(value.GetString() ?? "", name);
        throw new ApiException(StatusCodes.Status400BadRequest, "bad_request", $"{name} is a whole number of rows, 0 or more.");
    }

    private static long? Number(string text, string name)
    {
        if (text.Length == 0) return null;
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new ApiException(StatusCodes.Status400BadRequest, "bad_request", $"{name} '{text}' is not a whole number of rows, 0 or more.");
    }
}
