namespace Fkj.Cdr.Aql.Syntax;

/// <summary>
/// One column of the SELECT clause with its optional <c>AS</c> alias. The expression is an
/// <see cref="IdentifiedPath"/> (a path, or a bare variable for the whole object), a literal, an
/// <see cref="AggregateCall"/>, a <see cref="FunctionCall"/> or a <see cref="TerminologyCall"/>.
/// </summary>
public sealed record SelectColumn(AqlExpression Expression, string? Alias = null) : AqlNode;
