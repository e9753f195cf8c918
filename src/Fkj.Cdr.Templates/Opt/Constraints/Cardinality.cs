namespace Fkj.Cdr.Templates.Opt.Constraints;

/// <summary>CARDINALITY: how many items a container attribute holds, and whether they form a list or a set.</summary>
public sealed record Cardinality(Interval<int> Interval, bool IsOrdered, bool IsUnique);
