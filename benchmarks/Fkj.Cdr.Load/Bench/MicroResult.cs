namespace Fkj.Cdr.Load.Bench;

/// <summary>One BenchmarkDotNet benchmark as its summary exporter wrote it: times in nanoseconds, allocation per operation.</summary>
public sealed record MicroResult(
    string Type,
    string? Namespace,
    string Method,
    bool Baseline,
    string? Job,
    double? MedianNs,
    double? MeanNs,
    double? StdDevNs,
    long? AllocatedBytes);
