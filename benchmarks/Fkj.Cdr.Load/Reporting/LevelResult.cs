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
    /// <summary>"1 client", "4 clients" or "200 req/s".</summary>
    public string Level => Clients is { } c
        ? $"{c} {(c == 1 ? "client" : "clients")}"
        : $"{TargetRate?.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)} req/s";
}
