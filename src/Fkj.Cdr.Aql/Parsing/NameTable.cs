using System.Collections.Concurrent;

namespace Fkj.Cdr.Aql.Parsing;

/// <summary>
/// Shares the strings of names across queries: attribute names, variables, aliases, RM types, node and
/// archetype ids repeat from query to query (<c>data</c>, <c>items</c>, <c>value</c>, <c>at0001</c>), so
/// parsing them again should not allocate them again. Bounded: at most <see cref="Capacity"/> names of at
/// most <see cref="MaxLength"/> characters are kept; others are allocated as usual.
/// </summary>
internal static class NameTable
{
    public const int Capacity = 16_384;
    public const int MaxLength = 100;

    private static readonly ConcurrentDictionary<string, string> Names = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> BySpan =
        Names.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>How many names were added (ConcurrentDictionary.Count takes every lock, so it is not asked).</summary>
    private static int s_count;

    public static string Get(ReadOnlySpan<char> name)
    {
        if (BySpan.TryGetValue(name, out var known)) return known;
        var created = name.ToString();
        if (name.Length <= MaxLength && Volatile.Read(ref s_count) < Capacity && Names.TryAdd(created, created)) Interlocked.Increment(ref s_count);
        return created;
    }
}
