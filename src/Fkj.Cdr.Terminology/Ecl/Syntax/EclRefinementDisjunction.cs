namespace Fkj.Cdr.Terminology.Ecl.Syntax;

/// <summary>Two or more refinement parts joined by OR: at least one must hold.</summary>
public sealed record EclRefinementDisjunction(EclList<EclRefinement> Items) : EclRefinement;
