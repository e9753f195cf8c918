namespace Fkj.Cdr.Terminology.Ecl.Syntax;

/// <summary>
/// Times in a member field filter, <c>&gt;= "20190731"</c> or a set <c>= ("20190131" "20190731")</c>;
/// each is <c>YYYYMMDD</c> or empty (<c>""</c>, no effective time yet).
/// </summary>
public sealed record EclTimeComparison(EclComparisonOperator Operator, EclList<string> Times) : EclComparison(Operator);
