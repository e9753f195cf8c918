namespace Fkj.Cdr.Server.Errors;

/// <summary>
/// Thrown by endpoint and service code to answer with an error: the <see cref="ErrorHandlingMiddleware"/>
/// turns it into an <see cref="ErrorResponse"/> with this status, code, message, path and issues, and does
/// not log it as a fault.
/// </summary>
public sealed class ApiException : Exception
{
    /// <param name="status">The HTTP status.</param>
    /// <param name="code">The stable error code (snake_case).</param>
    /// <param name="message">What went wrong, for a person.</param>
    /// <param name="issues">Every problem found, when there are several or they have places.</param>
    /// <param name="path">The openEHR or JSON path the error is about; the first issue's path when null.</param>
    public ApiException(int status, string code, string message, IReadOnlyList<ErrorIssue>? issues = null, string? path = null)
        : base(message)
    {
        Status = status;
        Code = code;
        Issues = issues ?? [];
        Path = path;
    }

    public int Status { get; }

    public string Code { get; }

    public IReadOnlyList<ErrorIssue> Issues { get; }

    public string? Path { get; }
}
