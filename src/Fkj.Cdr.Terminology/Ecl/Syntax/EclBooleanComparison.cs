namespace Fkj.Cdr.Terminology.Ecl.Syntax;

/// <summary>A concrete boolean value: <c>= true</c>, <c>!= FALSE</c>.</summary>
public sealed record EclBooleanComparison(EclComparisonOperator Operator, bool Value) : EclComparison(Operator);
