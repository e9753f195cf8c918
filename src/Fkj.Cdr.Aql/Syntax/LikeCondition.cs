namespace Fkj.Cdr.Aql.Syntax;

/// <summary><c>path LIKE 'pattern'</c> or <c>path LIKE $parameter</c>: <see cref="Pattern"/> is a <see cref="LikePattern"/> or a <see cref="ParameterRef"/>.</summary>
public sealed record LikeCondition(IdentifiedPath Subject, AqlExpression Pattern) : AqlCondition;
