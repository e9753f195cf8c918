namespace Fkj.Cdr.Server.Errors;

/// <summary>
/// The body of every error response of the API, whatever the cause (unknown route, wrong method,
/// bad request, a refused operation, an unhandled exception):
/// <c>{"status":400,"code":"invalid_template","message":"...","path":"/template/concept","instance":"/openehr/v1/definition/template/adl1.4","issues":[{"code":"missing_element","message":"...","path":"/template/concept","line":12,"column":4}]}</c>.
/// </summary>
/// <param name="Status">The HTTP status code, repeated for clients that only see the body.</param>
/// <param name="Code">A stable machine-readable code in snake_case; clients branch on this, not on the message.</param>
/// <param name="Message">A human-readable explanation; never an exception's internals.</param>
/// <param name="Path">
/// The openEHR or JSON path in the data that the error is about: the first issue's path, unless the
/// error names one of its own. Absent when the error is not about a place in the data.
/// </param>
/// <param name="Instance">The request path that was answered with this error.</param>
/// <param name="Issues">Every problem found, each with its own code, message, path and position; empty when there is nothing more to say.</param>
public sealed record ErrorResponse(
    int Status,
    string Code,
    string Message,
    string? Path = null,
    string? Instance = null,
    IReadOnlyList<ErrorIssue>? Issues = null)
{
    /// <summary>The content type of error bodies.</summary>
    public const string ContentType = "application/json; charset=utf-8";

    /// <summary>Always present in the JSON, as an empty list when there are no issues.</summary>
    public IReadOnlyList<ErrorIssue> Issues { get; init; } = Issues ?? [];

    /// <summary>
    /// An error body for a request: <paramref name="path"/> defaults to the first issue's path, and the
    /// instance is the request path.
    /// </summary>
    public static ErrorResponse For(int status, string code, string message, HttpContext? context = null,
        IReadOnlyList<ErrorIssue>? issues = null, string? path = null) =>
        new(status, code, message, path ?? issues?.FirstOrDefault(i => i.Path is not null)?.Path, context?.Request.Path.Value, issues);

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
    public static IResult Result(int status, string code, string message, HttpContext? context = null, IReadOnlyList<ErrorIssue>? issues = null) =>
        Results.Json(For(status, code, message, context, issues), statusCode: status, contentType: ContentType);
}
