namespace Fkj.Cdr.Load.Measurement;

/// <summary>
/// What a <see cref="RequestLog"/> holds: requests recorded, how many succeeded (2xx), the count per
/// outcome ("201", "503", "timeout", ...), 503/429 answers that carried Retry-After, and the latency of the
/// successful requests and of every answered one.
/// </summary>
public sealed record LogSummary(
    long Recorded,
    long Succeeded,
    IReadOnlyDictionary<string, long> Outcomes,
    long RetryAfter,
    LatencySummary Success,
    LatencySummary All);
