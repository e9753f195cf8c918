namespace Fkj.Cdr.Terminology.Ecl.Syntax;

/// <summary>Two or more sub-expressions joined by OR: their union.</summary>
public sealed record EclDisjunctionExpression(EclList<EclSubExpression> Operands) : EclExpression;
