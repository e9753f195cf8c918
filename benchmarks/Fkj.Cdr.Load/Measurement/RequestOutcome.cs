using System.Globalization;

namespace Fkj.Cdr.Load.Measurement;

/// <summary>
/// How one request ended: an HTTP status code (100–599) or one of the client-side codes below (negative),
/// and whether a 503 (or 429) came with a <c>Retry-After</c> header.
/// </summary>
public readonly record struct RequestOutcome(int Code, bool RetryAfter = false)
{
    /// <summary>No answer within the request timeout.</summary>
    public const int Timeout = -1;

    /// <summary>The connection could not be made or broke (refused, reset, closed early).</summary>
    public const int ConnectionFailed = -2;

    /// <summary>Any other exception in the client or the baseline's database call.</summary>
    public const int ClientError = -3;

    /// <summary>Open loop: due while the in-flight cap was reached, so never sent.</summary>
    public const int Dropped = -4;

    /// <summary>Cancelled because the run's time limit (or Ctrl-C) ended it.</summary>
    public const int Cancelled = -5;

    /// <summary>A query answered, but not what the other side (server or baseline) answered to the same question.</summary>
    public const int Mismatch = -6;

    /// <summary>A baseline statement that succeeded (there is no HTTP status).</summary>
    public static RequestOutcome Success { get; } = new(200);

    public bool IsSuccess => Code is >= 200 and < 300;

    /// <summary>The key for error counts: "201", "503", "timeout", ...</summary>
    public static string Name(int code) => code switch
    {
        >= 100 => code.ToString(CultureInfo.InvariantCulture),
        Timeout => "timeout",
        ConnectionFailed => "connection-failed",
        ClientError => "client-error",
        Dropped => "dropped",
        Cancelled => "cancelled",
        Mismatch => "answer-mismatch",
        _ => "unknown",
    };
}
