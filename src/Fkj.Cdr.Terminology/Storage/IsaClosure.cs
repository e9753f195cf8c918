using Fkj.Cdr.Terminology.Index;

namespace Fkj.Cdr.Terminology.Storage;

/// <summary>
/// The IS-A transitive closure for the closure table, computed in C# from the stored IS-A rows (faster than a
/// recursive query: docs/terminology.md). Concepts are numbered by their position in the sorted id array; a concept's
/// ancestors are its parents and their ancestors, merged in topological order (parents first), as the index does.
/// </summary>
internal static class IsaClosure
{
    /// <summary>Every concept's descendants (not itself), as ascending concept numbers.</summary>
    public static Csr Descendants(long[] sortedIds, IReadOnlyList<(long Source, long Destination)> edges)
    {
        var n = sortedIds.Length;
        var rows = new List<int>(edges.Count);
        var values = new List<int>(edges.Count);
        foreach (var (source, destination) in edges)
        {
            var s = Array.BinarySearch(sortedIds, source);
            var d = Array.BinarySearch(sortedIds, destination);
            if (s >= 0 && d >= 0 && s != d)
            {
                rows.Add(s);
                values.Add(d);
            }
        }

        var parents = Csr.FromPairs(n, rows, values);
        var children = parents.Transpose(n);
        var pending = new int[n];
        var queue = new Queue<int>();
        for (var c = 0; c < n; c++)
        {
            pending[c] = parents[c].Length;
            if (pending[c] == 0)
            {
                queue.Enqueue(c);
            }
        }

        var ancestors = new int[n][];
        var buffer = new List<int>();
        while (queue.Count > 0)
        {
            var c = queue.Dequeue();
            buffer.Clear();
            foreach (var p in parents[c])
            {
                buffer.Add(p);
                buffer.AddRange(ancestors[p]);
            }

            ancestors[c] = Distinct(buffer);
            foreach (var child in children[c])
            {
                if (--pending[child] == 0)
                {
                    queue.Enqueue(child);
                }
            }
        }

        // A cycle (never in a valid release) leaves its concepts with their parents only, as the index does.
        var offsets = new int[n + 1];
        for (var c = 0; c < n; c++)
        {
            ancestors[c] ??= parents[c].ToArray().Distinct().Order().ToArray();
            offsets[c + 1] = offsets[c] + ancestors[c].Length;
        }

        var all = new int[offsets[n]];
        for (var c = 0; c < n; c++)
        {
            ancestors[c].CopyTo(all, offsets[c]);
        }

        return new Csr(offsets, all).Transpose(n);
    }

    private static int[] Distinct(List<int> buffer)
    {
        buffer.Sort();
        var result = new List<int>(buffer.Count);
        foreach (var a in buffer)
        {
            if (result.Count == 0 || result[^1] != a)
            {
                result.Add(a);
            }
        }

        return result.ToArray();
    }
}
