using Fkj.Cdr.Server.Errors;
using Microsoft.AspNetCore.Http.Features;

namespace Fkj.Cdr.Server.Http;

/// <summary>Reads a request body whole, up to a limit of the endpoint's own.</summary>
public static class RequestBody
{
    /// <summary>
    /// The body's bytes; a 413 <c>payload_too_large</c> when it is longer than <paramref name="limit"/>
    /// (refused from Content-Length before reading when the client declares it).
    /// </summary>
    /// <param name="what">What the body is, for the message ("template").</param>
    /// <param name="option">The option that sets the limit, for the message.</param>
    public static async Task<byte[]> ReadAsync(HttpRequest request, long limit, string what, string option, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } declared && declared > limit)
        {
            throw TooLarge(declared, limit, what, option);
        }
        // Kestrel's own limit (30 MB by default) is replaced by ours, one byte above so that ours speaks first.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit + 1;
        }
        using var buffer = new MemoryStream(request.ContentLength is { } length ? (int)Math.Min(length, limit) : 16 * 1024);
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
            {
                throw TooLarge(null, limit, what, option);
            }
        }
        return buffer.ToArray();
    }

    private static ApiException TooLarge(long? size, long limit, string what, string option) =>
        new(StatusCodes.Status413PayloadTooLarge, "payload_too_large",
            $"The {what} is {(size is { } s ? $"{s} bytes" : "larger than the limit")}; at most {limit} bytes are accepted ({option}).");
}
