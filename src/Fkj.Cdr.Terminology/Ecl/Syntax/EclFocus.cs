namespace Fkj.Cdr.Terminology.Ecl.Syntax;

/// <summary>What a sub-expression is about (<c>eclFocusConcept</c> or a parenthesised expression).</summary>
public abstract record EclFocus : EclNode;
