namespace Fkj.Cdr.Aql.Syntax;

/// <summary>
/// The pattern of a LIKE condition, written in the query as a string literal. In <see cref="Pattern"/>,
/// <c>*</c> matches any run of characters, <c>?</c> any one character, and a backslash makes the next
/// character literal: <c>\*</c>, <c>\?</c> and <c>\\</c> stand for themselves. Every character that came
/// from an escape sequence in the query (<c>\?</c>, <c>\\</c>, <c>\u002A</c>, ...) is literal, so
/// <c>'50\%'</c> and <c>'what\?'</c> mean what they say.
/// </summary>
public sealed record LikePattern(string Pattern) : AqlExpression;
