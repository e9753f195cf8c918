namespace Fkj.Cdr.Terminology.Ecl.Syntax;

/// <summary>
/// A sub-expression constraint (<c>subExpressionConstraint</c>): an optional constraint operator, an
/// optional memberOf, the focus (a concept, <c>*</c>, an alternate identifier or a parenthesised
/// expression), then member filters <c>{{ M ... }}</c> (only after memberOf), description and concept
/// filters <c>{{ D ... }}</c> / <c>{{ C ... }}</c> in the order written, and an optional history
/// supplement <c>{{ + HISTORY ... }}</c>.
/// </summary>
public sealed record EclSubExpression(
    EclConstraintOperator? Operator,
    EclMemberOf? MemberOf,
    EclFocus Focus,
    EclList<EclMemberFilterConstraint> MemberFilters,
    EclList<EclFilterConstraint> Filters,
    EclHistorySupplement? History) : EclExpression
{
    /// <summary>A sub-expression without memberOf, filters or history: <c>&lt;&lt; 73211009</c>.</summary>
    public EclSubExpression(EclConstraintOperator? @operator, EclFocus focus)
        : this(@operator, null, focus, EclList<EclMemberFilterConstraint>.Empty, EclList<EclFilterConstraint>.Empty, null)
    {
    }
}
