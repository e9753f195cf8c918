namespace Fkj.Cdr.Terminology.Ecl.Syntax;

/// <summary>
/// <c>dialect = en-au</c>, <c>dialectId = 32570271000036106</c>, <c>dialect = (en-nhs-clinical en-nhs-pharmacy)</c>,
/// optionally followed by an acceptability set for them all: <c>dialect = en-gb (prefer)</c>. The dialects are
/// all aliases (the <c>dialect</c> keyword) or all reference sets (<c>dialectId</c>).
/// </summary>
public sealed record EclDialectFilter(EclComparisonOperator Operator, EclList<EclDialect> Dialects, EclAcceptabilitySet? Acceptability)
    : EclFilter;
