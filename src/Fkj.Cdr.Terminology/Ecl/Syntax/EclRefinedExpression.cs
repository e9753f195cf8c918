namespace Fkj.Cdr.Terminology.Ecl.Syntax;

/// <summary>A refined expression constraint: <c>&lt;&lt; 404684003 : 363698007 = &lt;&lt; 39057004</c>.</summary>
public sealed record EclRefinedExpression(EclSubExpression Focus, EclRefinement Refinement) : EclExpression;
