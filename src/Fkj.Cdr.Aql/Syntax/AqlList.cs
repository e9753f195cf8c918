using System.Collections;
using System.Runtime.CompilerServices;

namespace Fkj.Cdr.Aql.Syntax;

/// <summary>An immutable list that compares by content, so records holding one compare structurally.</summary>
[CollectionBuilder(typeof(AqlList), nameof(AqlList.Create))]
public sealed class AqlList<T> : IReadOnlyList<T>, IEquatable<AqlList<T>>
{
    private readonly T[] _items;

    internal AqlList(T[] items) => _items = items;

    public static AqlList<T> Empty { get; } = new([]);

    public int Count => _items.Length;

    public T this[int index] => _items[index];

    public ReadOnlySpan<T> AsSpan() => _items;

    public Enumerator GetEnumerator() => new(_items);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    public bool Equals(AqlList<T>? other)
    {
        if (ReferenceEquals(this, other)) return true;
        if (other is null || other._items.Length != _items.Length) return false;
        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < _items.Length; i++)
        {
            if (!comparer.Equals(_items[i], other._items[i])) return false;
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is AqlList<T> other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in _items) hash.Add(item);
        return hash.ToHashCode();
    }

    public override string ToString() => $"[{string.Join(", ", _items)}]";

    public struct Enumerator(T[] items)
    {
        private int _index = -1;

        public readonly T Current => items[_index];

        public bool MoveNext() => ++_index < items.Length;
    }
}

/// <summary>Builds <see cref="AqlList{T}"/>s; collection expressions (<c>[a, b]</c>) use <see cref="Create{T}"/>.</summary>
public static class AqlList
{
    public static AqlList<T> Create<T>(ReadOnlySpan<T> items) => items.IsEmpty ? AqlList<T>.Empty : new(items.ToArray());
}
