namespace Fkj.Cdr.Terminology.Ecl.Syntax;

/// <summary>
/// The right-hand side of an attribute or a member field filter: an operator and a value, which is an
/// expression, a number (<c>#500</c>), a string search term, a boolean or (member filters only) a time.
/// </summary>
public abstract record EclComparison(EclComparisonOperator Operator) : EclNode;
