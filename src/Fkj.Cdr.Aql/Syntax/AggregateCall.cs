namespace Fkj.Cdr.Aql.Syntax;

/// <summary>
/// An aggregate in the SELECT clause: <c>COUNT(*)</c> (<see cref="Argument"/> null),
/// <c>COUNT([DISTINCT] path)</c>, <c>MIN(path)</c>, <c>MAX(path)</c>, <c>SUM(path)</c>, <c>AVG(path)</c>.
/// </summary>
public sealed record AggregateCall(AggregateFunction Function, IdentifiedPath? Argument, bool Distinct = false) : AqlExpression;

public enum AggregateFunction
{
    Count,
    Min,
    Max,
    Sum,
    Avg,
}
