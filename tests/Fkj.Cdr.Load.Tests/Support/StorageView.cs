namespace Fkj.Cdr.Load.Tests.Support;

/// <summary>One storage figure of the JSON result file.</summary>
public sealed record StorageView(string Scenario, string Target, long Items, long BytesBefore, long BytesAfter, double BytesPerItem, Dictionary<string, long> GrowthByTable);
