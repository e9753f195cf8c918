namespace Fkj.Cdr.Terminology.Ecl.Syntax;

/// <summary>
/// A concrete string value, <c>= "PANADOL"</c>, or a set of them, <c>= ("a" wild:"b*")</c>. ECL 2.2
/// writes string values as typed search terms: a match (the default) or a wildcard pattern.
/// </summary>
public sealed record EclStringComparison(EclComparisonOperator Operator, EclList<EclTypedSearchTerm> Terms) : EclComparison(Operator);
