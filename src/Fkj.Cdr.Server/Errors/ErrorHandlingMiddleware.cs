using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Fkj.Cdr.Server.Errors;

/// <summary>
/// Makes every error response an <see cref="ErrorResponse"/>: exceptions become JSON errors (unhandled
/// ones are logged and answered with a 500 that reveals nothing of their internals), and error statuses
/// set without a body (404 for an unknown route, 405, ...) get one.
/// </summary>
public sealed class ErrorHandlingMiddleware
{
    private readonly RequestDelegate _next;
    private readonly ILogger<ErrorHandlingMiddleware> _logger;
    private readonly JsonSerializerOptions _json;

    public ErrorHandlingMiddleware(RequestDelegate next, ILogger<ErrorHandlingMiddleware> logger, IOptions<JsonOptions> jsonOptions)
    {
        _next = next;
        _logger = logger;
        _json = jsonOptions.Value.SerializerOptions;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await _next(context);
        }
        catch (ApiException e) when (!context.Response.HasStarted)
        {
            await WriteAsync(context, e.Status, e.Code, e.Message, e.Issues, e.Path, e.Headers);
            return;
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            await WriteAsync(context, e.StatusCode, ErrorResponse.CodeFor(e.StatusCode), e.Message);
            return;
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nobody is left to answer.
            return;
        }
        catch (Exception e)
        {
            _logger.LogError(e, "Unhandled exception in {Method} {Path}", context.Request.Method, context.Request.Path.Value);
            if (context.Response.HasStarted)
            {
                throw;
            }
            await WriteAsync(context, StatusCodes.Status500InternalServerError, ErrorResponse.CodeFor(500),
                "An unexpected error occurred. It has been logged.");
            return;
        }

        var response = context.Response;
        if (response.StatusCode >= 400 && !response.HasStarted && response.ContentLength is null && string.IsNullOrEmpty(response.ContentType))
        {
            var message = response.StatusCode switch
            {
                404 => $"Nothing at {context.Request.Method} {context.Request.Path.Value}.",
                405 => $"{context.Request.Method} is not allowed on {context.Request.Path.Value}.",
                _ => ReasonPhrases.GetReasonPhrase(response.StatusCode) is { Length: > 0 } reason ? reason + "." : "Error.",
            };
            await WriteAsync(context, response.StatusCode, ErrorResponse.CodeFor(response.StatusCode), message);
        }
    }

    private Task WriteAsync(HttpContext context, int status, string code, string message,
        IReadOnlyList<ErrorIssue>? issues = null, string? path = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        var response = context.Response;
        response.Clear();
        response.StatusCode = status;
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            response.Headers[name] = value;
        }
        response.ContentType = ErrorResponse.ContentType;
        var body = ErrorResponse.For(status, code, message, context, issues, path);
        return JsonSerializer.SerializeAsync(response.Body, body, _json, context.RequestAborted);
    }
}
