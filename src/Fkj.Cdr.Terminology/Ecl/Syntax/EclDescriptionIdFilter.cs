namespace Fkj.Cdr.Terminology.Ecl.Syntax;

/// <summary><c>id = 670169018</c> or <c>id = (670169018 670170017)</c>: description identifiers.</summary>
public sealed record EclDescriptionIdFilter(EclComparisonOperator Operator, EclList<long> Ids) : EclFilter;
