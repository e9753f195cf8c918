namespace Fkj.Cdr.Terminology.Ecl.Syntax;

/// <summary>Two or more sub-expressions joined by AND (or <c>,</c>): their intersection.</summary>
public sealed record EclConjunctionExpression(EclList<EclSubExpression> Operands) : EclExpression;
