namespace Fkj.Cdr.Terminology.Ecl.Syntax;

/// <summary><c>definitionStatusId = 900000000000074008 |Primitive|</c>: a sub-expression or a set of concept references.</summary>
public sealed record EclDefinitionStatusIdFilter(EclComparisonOperator Operator, EclConceptSet Statuses) : EclFilter;
