using Fkj.Cdr.Terminology.Index;

namespace Fkj.Cdr.Terminology.Ecl.Evaluation;

/// <summary>
/// The result of an expression constraint: the index's internal concept numbers, ascending. The index numbers
/// concepts in SCTID order, so the ids come out sorted too, and union, intersection and difference are merges.
/// </summary>
public sealed class ConceptSet
{
    private readonly SnomedIndex _index;

    internal ConceptSet(SnomedIndex index, int[] items)
    {
        _index = index;
        Items = items;
    }

    internal int[] Items { get; }

    public int Count => Items.Length;

    public bool Contains(long conceptId) =>
        _index.ConceptIndex.TryGetValue(conceptId, out var c) && Array.BinarySearch(Items, c) >= 0;

    /// <summary>The concept ids, ascending.</summary>
    public long[] ToIds()
    {
        var ids = new long[Items.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = _index.ConceptIds[Items[i]];
        }

        return ids;
    }
}
