using Fkj.Cdr.Load.Measurement;

namespace Fkj.Cdr.Load.Tests.Support;

/// <summary>One level of the JSON result file.</summary>
public sealed record LevelView(
    string Scenario,
    string Target,
    int? Clients,
    double? TargetRate,
    long Issued,
    long Succeeded,
    long Failed,
    Dictionary<string, long> Outcomes,
    long RetryAfter,
    double ElapsedSeconds,
    double Throughput,
    LatencySummary Latency,
    long Shed,
    long Errors,
    long? DatabaseSize,
    long? StoredAtStart)
{
    public string Level => Clients is { } c ? $"{c} {(c == 1 ? "client" : "clients")}" : $"{TargetRate} req/s";
}
