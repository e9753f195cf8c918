namespace Fkj.Cdr.Aql.Syntax;

/// <summary>
/// A standard predicate, <c>[ehr_id/value = $ehrId]</c>, <c>[name/value != 'x']</c>,
/// <c>[commit_audit/time_committed &gt; '2024-01-01']</c>. <see cref="Value"/> is a literal, a
/// <see cref="ParameterRef"/>, a <see cref="CodeLiteral"/> or an <see cref="ObjectPath"/>.
/// </summary>
public sealed record ComparisonPredicate(ObjectPath Path, ComparisonOperator Operator, AqlExpression Value) : PathPredicate;
