namespace Fkj.Cdr.Aql.Syntax;

/// <summary>
/// A condition of the WHERE clause: <see cref="ComparisonCondition"/>, <see cref="LikeCondition"/>,
/// <see cref="MatchesCondition"/>, <see cref="ExistsCondition"/>, <see cref="NullCondition"/>, and
/// <see cref="NotCondition"/>, <see cref="AndCondition"/>, <see cref="OrCondition"/> over them
/// (NOT binds tighter than AND, AND tighter than OR). Parentheses leave no node of their own.
/// </summary>
public abstract record AqlCondition : AqlNode;
