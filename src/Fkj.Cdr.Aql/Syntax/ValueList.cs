namespace Fkj.Cdr.Aql.Syntax;

/// <summary>
/// The braced list of a MATCHES condition, <c>{'a', 'b', $c, TERMINOLOGY(...)}</c>: literals, parameters
/// and terminology calls; the condition holds when the value equals any of them.
/// </summary>
public sealed record ValueList(AqlList<AqlExpression> Items) : AqlExpression;
