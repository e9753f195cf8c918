namespace Fkj.Cdr.Aql.Syntax;

/// <summary>
/// <c>subject IS NULL</c> or, with <see cref="Negated"/>, <c>subject IS NOT NULL</c>: an extension of the
/// SQL kind. AQL 1.1 itself writes <c>subject = NULL</c> and <c>subject != NULL</c>, which are
/// <see cref="ComparisonCondition"/>s with a <see cref="NullLiteral"/>.
/// </summary>
public sealed record NullCondition(AqlExpression Subject, bool Negated = false) : AqlCondition;
