namespace Fkj.Cdr.Aql.Syntax;

/// <summary>
/// <c>left op right</c>. As the grammar says, <see cref="Left"/> is an <see cref="IdentifiedPath"/> or a
/// function call (<see cref="FunctionCall"/>, <see cref="TerminologyCall"/>), and <see cref="Right"/> a
/// literal, a <see cref="ParameterRef"/>, an identified path or a function call.
/// </summary>
public sealed record ComparisonCondition(AqlExpression Left, ComparisonOperator Operator, AqlExpression Right) : AqlCondition;
