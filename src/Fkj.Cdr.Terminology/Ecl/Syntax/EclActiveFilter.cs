namespace Fkj.Cdr.Terminology.Ecl.Syntax;

/// <summary><c>active = true</c> (or <c>1</c>), <c>active = false</c> (or <c>0</c>), or <c>active = *</c> (either: <see cref="Active"/> is null).</summary>
public sealed record EclActiveFilter(EclComparisonOperator Operator, bool? Active) : EclFilter;
