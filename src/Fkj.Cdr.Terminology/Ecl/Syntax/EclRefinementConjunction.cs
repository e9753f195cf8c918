namespace Fkj.Cdr.Terminology.Ecl.Syntax;

/// <summary>Two or more refinement parts joined by <c>,</c> or AND: all must hold.</summary>
public sealed record EclRefinementConjunction(EclList<EclRefinement> Items) : EclRefinement;
