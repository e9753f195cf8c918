namespace Fkj.Cdr.Terminology.Ecl.Syntax;

/// <summary><c>= &lt;&lt; 39057004</c> or <c>!= &lt;&lt; 26036001</c>: the value is (or is not) in the set of the sub-expression.</summary>
public sealed record EclExpressionComparison(EclComparisonOperator Operator, EclSubExpression Value) : EclComparison(Operator);
