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

    /// <summary>
    /// Response headers the error answer carries besides its body, such as the ETag of the latest version with a
    /// 412 (ITS-REST). Set them with <see cref="WithHeader"/>.
    /// </summary>
    public IReadOnlyDictionary<string, string> Headers => _headers;

    private readonly Dictionary<string, string> _headers = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Adds a response header to the error answer; returns this exception, for throwing.</summary>
    public ApiException WithHeader(string name, string value)
    {
        _headers[name] = value;
        return this;
    }
}
