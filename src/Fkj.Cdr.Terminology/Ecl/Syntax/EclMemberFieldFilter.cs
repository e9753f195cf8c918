namespace Fkj.Cdr.Terminology.Ecl.Syntax;

/// <summary>
/// A filter on a reference set field by name: <c>mapTarget = "J45.9"</c>, <c>mapGroup != #2</c>,
/// <c>referencedComponentId = 67415000</c>.
/// </summary>
public sealed record EclMemberFieldFilter(string Field, EclComparison Comparison) : EclFilter;
