namespace Fkj.Cdr.Terminology.Ecl.Syntax;

/// <summary>
/// A concrete numeric value, <c>&gt;= #500</c> or <c>= #2.5</c>. The value keeps the scale it was written
/// with (<c>#2.50</c> is 2.50), which does not change its equality.
/// </summary>
public sealed record EclNumericComparison(EclComparisonOperator Operator, decimal Value) : EclComparison(Operator);
