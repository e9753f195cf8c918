namespace Fkj.Cdr.Terminology.Ecl.Syntax;

/// <summary>
/// <c>effectiveTime &gt;= "20190731"</c> or <c>effectiveTime = ("20190131" "20190731")</c>; each time is
/// <c>YYYYMMDD</c> or empty.
/// </summary>
public sealed record EclEffectiveTimeFilter(EclComparisonOperator Operator, EclList<string> Times) : EclFilter;
