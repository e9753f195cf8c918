namespace Fkj.Cdr.Aql.Syntax;

/// <summary>
/// A node of the AQL syntax tree. Every node is an immutable record and carries the <see cref="Span"/> it
/// was parsed from.
/// </summary>
/// <remarks>
/// Equality is structural and ignores spans: two trees are equal when they say the same thing, wherever
/// and however it was written (<c>a AND b</c> and <c>a  and  b</c>). Lists are <see cref="AqlList{T}"/>,
/// which compare by content. Chains of the same operator (<c>a AND b AND c</c>) are one node with a list
/// of operands, so a long chain makes a wide tree, not a deep one.
/// </remarks>
public abstract record AqlNode
{
    public AqlSpan Span { get; init; }

    public virtual bool Equals(AqlNode? other) => other is not null && EqualityContract == other.EqualityContract;

    public override int GetHashCode() => EqualityContract.GetHashCode();
}
