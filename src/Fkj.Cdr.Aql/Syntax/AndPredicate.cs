namespace Fkj.Cdr.Aql.Syntax;

/// <summary>Predicates joined by <c>and</c> (two or more): <c>[at0006 and name/value = 'Any event']</c>.</summary>
public sealed record AndPredicate(AqlList<PathPredicate> Operands) : PathPredicate;
