namespace Fkj.Cdr.Server.Errors;

/// <summary>
/// The body of every error response of the API, whatever the cause (unknown route, wrong method,
/// bad request, a refused operation, an unhandled exception):
/// <c>{"status":404,"code":"not_found","message":"...","path":"/x"}</c>.
/// </summary>
/// <param name="Status">The HTTP status code, repeated for clients that only see the body.</param>
/// <param name="Code">A stable machine-readable code in snake_case; clients branch on this, not on the message.</param>
/// <param name="Message">A human-readable explanation; never an exception's internals.</param>
/// <param name="Path">The request path, where known.</param>
public sealed record ErrorResponse(int Status, string Code, string Message, string? Path = null)
{
    /// <summary>The content type of error bodies.</summary>
    public const string ContentType = "application/json; charset=utf-8";

    /// <summary>The standard code of an HTTP status, used when nothing more specific is known.</summary>
    public static string CodeFor(int status) => status switch
    {
        400 => "bad_request",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not_found",
        405 => "method_not_allowed",
        406 => "not_acceptable",
        408 => "request_timeout",
        409 => "conflict",
        410 => "gone",
        412 => "precondition_failed",
        413 => "payload_too_large",
        415 => "unsupported_media_type",
        422 => "unprocessable_entity",
        429 => "too_many_requests",
        500 => "internal_error",
        501 => "not_implemented",
        503 => "service_unavailable",
        >= 500 => "server_error",
        _ => "client_error",
    };

    /// <summary>An endpoint's way of answering with an error in the API's form.</summary>
    public static IResult Result(int status, string code, string message, HttpContext? context = null) =>
        Results.Json(new ErrorResponse(status, code, message, context?.Request.Path.Value), statusCode: status, contentType: ContentType);
}
