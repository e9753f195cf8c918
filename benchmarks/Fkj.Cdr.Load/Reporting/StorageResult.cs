namespace Fkj.Cdr.Load.Reporting;

/// <summary>
/// Disk growth of a writing scenario: the summed <c>pg_total_relation_size</c> of its tables before its first
/// measured level and after its last, divided by the items it wrote successfully in between.
/// </summary>
public sealed record StorageResult(
    string Scenario,
    string Target,
    long Items,
    long BytesBefore,
    long BytesAfter,
    double BytesPerItem,
    IReadOnlyDictionary<string, long> GrowthByTable);
