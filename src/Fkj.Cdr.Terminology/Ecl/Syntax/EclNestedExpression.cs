namespace Fkj.Cdr.Terminology.Ecl.Syntax;

/// <summary>A parenthesised expression constraint used as a focus: <c>&lt;&lt; (^ 700043003)</c>.</summary>
public sealed record EclNestedExpression(EclExpression Expression) : EclFocus;
