namespace Fkj.Cdr.Terminology.Ecl.Syntax;

/// <summary><c>type = fsn</c> or <c>type = (syn fsn)</c>.</summary>
public sealed record EclDescriptionTypeFilter(EclComparisonOperator Operator, EclList<EclDescriptionType> Types) : EclFilter;
