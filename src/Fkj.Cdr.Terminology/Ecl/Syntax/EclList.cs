using System.Collections;
using System.Runtime.CompilerServices;

namespace Fkj.Cdr.Terminology.Ecl.Syntax;

/// <summary>
/// An immutable list with value equality (element by element), so that records holding lists compare
/// by content. Collection expressions build one: <c>EclList&lt;string&gt; codes = ["en", "sv"];</c>
/// </summary>
[CollectionBuilder(typeof(EclList), nameof(EclList.Create))]
public sealed class EclList<T> : IReadOnlyList<T>, IEquatable<EclList<T>>
{
    public static readonly EclList<T> Empty = new([]);

    private readonly T[] _items;

    private EclList(T[] items) => _items = items;

    public EclList(IEnumerable<T> items) => _items = items.ToArray();

    internal static EclList<T> Wrap(T[] items) => items.Length == 0 ? Empty : new EclList<T>(items);

    public int Count => _items.Length;

    public T this[int index] => _items[index];

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    public bool Equals(EclList<T>? other)
    {
        if (other is null) return false;
        if (ReferenceEquals(this, other)) return true;
        if (other._items.Length != _items.Length) return false;
        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < _items.Length; i++)
            if (!comparer.Equals(_items[i], other._items[i])) return false;
        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as EclList<T>);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in _items) hash.Add(item);
        return hash.ToHashCode();
    }

    public static bool operator ==(EclList<T>? left, EclList<T>? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(EclList<T>? left, EclList<T>? right) => !(left == right);

    public override string ToString() => "[" + string.Join(", ", _items) + "]";
}

/// <summary>Builds <see cref="EclList{T}"/> values (the target of collection expressions).</summary>
public static class EclList
{
    public static EclList<T> Create<T>(ReadOnlySpan<T> items) => EclList<T>.Wrap(items.ToArray());

    public static EclList<T> Of<T>(params T[] items) => EclList<T>.Wrap((T[])items.Clone());

    public static EclList<T> From<T>(IEnumerable<T> items) => EclList<T>.Wrap(items.ToArray());
}
