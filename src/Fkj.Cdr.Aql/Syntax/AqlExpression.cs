namespace Fkj.Cdr.Aql.Syntax;

/// <summary>
/// A value-producing part of a query: an <see cref="IdentifiedPath"/> or <see cref="ObjectPath"/>, a
/// literal, a <see cref="ParameterRef"/>, a function, terminology or aggregate call, or one of the operand
/// forms that only some operators take (<see cref="LikePattern"/>, <see cref="ValueList"/>,
/// <see cref="UriLiteral"/>, <see cref="CodeLiteral"/>, <see cref="TermCodeLiteral"/>). Which form may
/// stand where is the grammar's business, enforced by the parser.
/// </summary>
public abstract record AqlExpression : AqlNode;
