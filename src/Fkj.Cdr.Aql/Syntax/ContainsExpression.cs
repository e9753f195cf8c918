namespace Fkj.Cdr.Aql.Syntax;

/// <summary>
/// A containment expression of the FROM clause: a <see cref="Containment"/> (a class expression, possibly
/// containing more), or several joined by <see cref="ContainsAnd"/> or <see cref="ContainsOr"/>.
/// Parentheses leave no node of their own; the tree's shape says what they grouped.
/// </summary>
public abstract record ContainsExpression : AqlNode;
