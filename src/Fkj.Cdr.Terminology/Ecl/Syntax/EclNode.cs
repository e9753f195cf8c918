namespace Fkj.Cdr.Terminology.Ecl.Syntax;

/// <summary>
/// A node of an expression constraint's syntax tree. Every node is an immutable record and carries
/// the <see cref="Span"/> of the text it came from. Equality is structural and ignores spans: two trees
/// are equal when they say the same thing, wherever and however it was written (so the tree of a
/// constraint and the tree of its canonical text compare equal).
/// </summary>
public abstract record EclNode
{
    public EclSpan Span { get; init; }

    public virtual bool Equals(EclNode? other) => other is not null && EqualityContract == other.EqualityContract;

    public override int GetHashCode() => EqualityContract.GetHashCode();
}
