namespace Fkj.Cdr.Terminology.Ecl.Syntax;

/// <summary>
/// A refinement or part of one: an attribute, an attribute group, or a conjunction or disjunction of
/// them. Parentheses leave no node of their own: they show as nesting (a conjunction inside a
/// disjunction, say). Inside an attribute group only attributes and their combinations occur.
/// </summary>
public abstract record EclRefinement : EclNode;
