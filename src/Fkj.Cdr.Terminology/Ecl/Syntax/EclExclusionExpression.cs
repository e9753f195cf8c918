namespace Fkj.Cdr.Terminology.Ecl.Syntax;

/// <summary><c>Left MINUS Right</c>: the concepts of the left set that are not in the right one.</summary>
public sealed record EclExclusionExpression(EclSubExpression Left, EclSubExpression Right) : EclExpression;
