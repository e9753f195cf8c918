namespace Fkj.Cdr.Terminology.Ecl.Syntax;

/// <summary><c>definitionStatus = primitive</c> or <c>definitionStatus = (primitive defined)</c>.</summary>
public sealed record EclDefinitionStatusFilter(EclComparisonOperator Operator, EclList<EclDefinitionStatus> Statuses) : EclFilter;
