namespace Fkj.Cdr.Terminology.Storage;

/// <summary>How many rows each terminology table holds.</summary>
public sealed record SnomedTableCounts(
    long Concepts, long Descriptions, long Relationships, long ConcreteValues, long Refsets, long RefsetMembers,
    long ClosureRows, long Imports);
