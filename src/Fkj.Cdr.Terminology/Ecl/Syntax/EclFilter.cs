namespace Fkj.Cdr.Terminology.Ecl.Syntax;

/// <summary>One filter inside a filter constraint, such as <c>term = "heart"</c> or <c>active = true</c>.</summary>
public abstract record EclFilter : EclNode;
