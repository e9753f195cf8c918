namespace Fkj.Cdr.Terminology.Ecl.Syntax;

/// <summary>
/// An expression constraint (ECL 2.2 <c>expressionConstraint</c>): a sub-expression, a refined
/// expression (<c>A : refinement</c>), a dotted expression (<c>A . attribute</c>), or a compound of
/// sub-expressions joined by AND, OR or MINUS.
/// </summary>
public abstract record EclExpression : EclConceptSet;
