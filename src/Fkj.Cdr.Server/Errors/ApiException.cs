namespace Fkj.Cdr.Server.Errors;

/// <summary>
/// Thrown by endpoint code to answer with an error: the <see cref="ErrorHandlingMiddleware"/> turns it
/// into an <see cref="ErrorResponse"/> with this status, code and message, and does not log it as a fault.
/// </summary>
public sealed class ApiException : Exception
{
    public ApiException(int status, string code, string message) : base(message)
    {
        Status = status;
        Code = code;
    }

    public int Status { get; }

    public string Code { get; }
}
