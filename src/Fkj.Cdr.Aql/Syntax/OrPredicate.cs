namespace Fkj.Cdr.Aql.Syntax;

/// <summary>Predicates joined by <c>or</c> (two or more); <c>and</c> binds tighter, and predicates have no parentheses.</summary>
public sealed record OrPredicate(AqlList<PathPredicate> Operands) : PathPredicate;
