using Fkj.Cdr.Load.Measurement;

namespace Fkj.Cdr.Load.Reporting;

/// <summary>
/// One scenario and target at one load level. <see cref="Throughput"/> counts successful requests per
/// second of wall-clock time; <see cref="Latency"/> is over the successful requests, <see cref="AllLatency"/>
/// over every answered one (errors included); <see cref="Outcomes"/> counts each status code and client-side
/// outcome. In the open loop, latency runs from when a request was due.
/// </summary>
public sealed record LevelResult(
    string Scenario,
    string Target,
    string Operation,
    string Mode,
    int? Clients,
    double? TargetRate,
    int? MaxInFlight,
    long Issued,
    long Succeeded,
    long Failed,
    IReadOnlyDictionary<string, long> Outcomes,
    long RetryAfter,
    double ElapsedSeconds,
    double Throughput,
    LatencySummary Latency,
    LatencySummary AllLatency)
{
    /// <summary>
    /// With --db-sizes: the compositions the database was filled to before this level (the nominal size; the
    /// levels measured at that size add their own commits). Null otherwise.
    /// </summary>
    public long? DatabaseSize { get; init; }

    /// <summary>With --db-sizes: what the target's store held (this run's compositions or baseline rows) as the level began.</summary>
    public long? StoredAtStart { get; init; }

    /// <summary>"1 client", "4 clients" or "200 req/s"; with a database size, ", 10,000 stored" after it.</summary>
    public string Level => (Clients is { } c
        ? $"{c} {(c == 1 ? "client" : "clients")}"
        : $"{TargetRate?.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)} req/s")
        + (DatabaseSize is { } size ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $", {size:N0} stored") : "");

    /// <summary>Requests the server shed with 503 (admission control): refused at once, by design, so not counted as errors.</summary>
    public long Shed => Outcomes.GetValueOrDefault("503");

    /// <summary>Open loop: requests the harness did not send because --max-in-flight were outstanding.</summary>
    public long Dropped => Outcomes.GetValueOrDefault("dropped");

    /// <summary>Every other failure: other status codes, timeouts, broken connections, client errors, cancellations.</summary>
    public long Errors => Failed - Shed - Dropped;

    /// <summary>503 answers per second of the level's wall-clock time.</summary>
    public double ShedPerSecond => ElapsedSeconds > 0 ? Math.Round(Shed / ElapsedSeconds, 1) : 0;
}
