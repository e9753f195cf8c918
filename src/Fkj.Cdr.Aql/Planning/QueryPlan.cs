using Fkj.Cdr.Aql.Syntax;

namespace Fkj.Cdr.Aql.Planning;

/// <summary>What a result column is.</summary>
public enum OutputKind
{
    /// <summary>A value of a <see cref="ValueSource"/>: from an index column or read from the document.</summary>
    Value,
    /// <summary>An aggregate, computed in SQL.</summary>
    Aggregate,
    /// <summary>A literal.</summary>
    Literal,
    /// <summary>A function call over values, literals and other calls, computed in SQL.</summary>
    Expression,
}

/// <summary>One column of the result.</summary>
public sealed class OutputColumn
{
    public required string Name { get; init; }

    /// <summary>The column's path as the result set's <c>columns</c> lists it.</summary>
    public required string Path { get; init; }

    public required OutputKind Kind { get; init; }

    public ValueSource? Source { get; init; }

    /// <summary>For an aggregate: the function, and whether its result is an instant to write as a date-time.</summary>
    public AggregateCall? Aggregate { get; init; }

    public object? Literal { get; init; }

    /// <summary>For <see cref="OutputKind.Expression"/>: the call.</summary>
    public FunctionCall? Expression { get; init; }
}

/// <summary>
/// The intermediate model of a query, between the syntax tree and SQL: the FROM variables with the catalogued
/// paths that find them, the value sources of every path, the result columns, and the clauses that refer to them.
/// </summary>
public sealed class QueryPlan
{
    public required AqlQuery Query { get; init; }

    public required IReadOnlyList<PlanVariable> Variables { get; init; }

    public required IReadOnlyDictionary<ClassExpression, PlanVariable> ByClass { get; init; }

    public required IReadOnlyList<ValueSource> Sources { get; init; }

    public required IReadOnlyList<OutputColumn> Columns { get; init; }

    /// <summary>Whether analysis consulted the registered templates (a path without data): the plan then holds for these templates only.</summary>
    public bool ConsultedTemplates { get; init; }

    /// <summary>The EHR the query is limited to by <c>EHR e[ehr_id/value = ...]</c>, if it is: pushed into every scan.</summary>
    public AqlExpression? EhrIdFilter { get; init; }
}
