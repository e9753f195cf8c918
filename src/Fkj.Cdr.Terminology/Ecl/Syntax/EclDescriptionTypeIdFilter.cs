namespace Fkj.Cdr.Terminology.Ecl.Syntax;

/// <summary><c>typeId = 900000000000013009 |Synonym|</c>: a sub-expression or a set of concept references.</summary>
public sealed record EclDescriptionTypeIdFilter(EclComparisonOperator Operator, EclConceptSet Types) : EclFilter;
