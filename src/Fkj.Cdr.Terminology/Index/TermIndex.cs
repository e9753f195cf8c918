using Fkj.Cdr.Terminology.Rf2;

namespace Fkj.Cdr.Terminology.Index;

/// <summary>
/// The term search: the distinct normalised tokens of every active FSN and synonym, sorted ordinally, so the tokens
/// that start with a prefix are one range of token numbers; per token the descriptions that have it (postings), and
/// per description its token numbers. A query token's range gives its candidates as one slice of the postings; the
/// query token with the fewest candidates drives, and each candidate is checked against the other query tokens'
/// ranges by its own token numbers, then ranked.
/// </summary>
internal sealed class TermIndex
{
    private readonly string[] tokens;
    private readonly Csr postings;
    private readonly Csr descriptionTokens;

    private TermIndex(string[] tokens, Csr postings, Csr descriptionTokens)
    {
        this.tokens = tokens;
        this.postings = postings;
        this.descriptionTokens = descriptionTokens;
    }

    public int TokenCount => tokens.Length;

    public long PostingCount => postings.Values.LongLength;

    public static TermIndex Build(SnomedIndex index)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = new List<int>();
        var values = new List<int>();
        for (var d = 0; d < index.DescriptionCount; d++)
        {
            if (!index.DescriptionActive[d] || index.DescriptionTypes[d] == SnomedIds.Definition)
            {
                continue;
            }

            foreach (var token in TermNormaliser.Tokens(index.Terms[d]))
            {
                if (!ids.TryGetValue(token, out var id))
                {
                    ids[token] = id = ids.Count;
                }

                rows.Add(d);
                values.Add(id);
            }
        }

        var sorted = ids.Keys.ToArray();
        Array.Sort(sorted, StringComparer.Ordinal);
        var rank = new int[sorted.Length];
        for (var i = 0; i < sorted.Length; i++)
        {
            rank[ids[sorted[i]]] = i;
        }

        for (var i = 0; i < values.Count; i++)
        {
            values[i] = rank[values[i]];
        }

        var byDescription = Csr.FromPairs(index.DescriptionCount, rows, values);
        for (var d = 0; d < byDescription.Rows; d++)
        {
            Array.Sort(byDescription.Values, byDescription.Offsets[d], byDescription.Offsets[d + 1] - byDescription.Offsets[d]);
        }

        // Each token's postings in order of term length, so a search can stop reading a token once no shorter term is left.
        var postings = byDescription.Transpose(sorted.Length);
        var lengths = index.Terms;
        for (var t = 0; t < postings.Rows; t++)
        {
            postings.Values.AsSpan(postings.Offsets[t], postings.Offsets[t + 1] - postings.Offsets[t])
                .Sort((a, b) => lengths[a].Length != lengths[b].Length ? lengths[a].Length.CompareTo(lengths[b].Length) : a.CompareTo(b));
        }

        return new TermIndex(sorted, postings, byDescription);
    }

    public IReadOnlyList<SearchHit> Search(SnomedIndex index, SearchRequest request)
    {
        var query = TermNormaliser.Tokens(request.Text).Distinct().ToList();
        if (query.Count == 0 || request.Limit <= 0)
        {
            return [];
        }

        var ranges = query.Select(q => new[] { PrefixRange(q) }).ToArray();
        var hits = Collect(index, request, ranges, fuzzy: false);
        if (hits.Count == 0 && request.Fuzzy)
        {
            var fuzzyRanges = query.Select(FuzzyRanges).ToArray();
            if (fuzzyRanges.All(r => r.Length > 0))
            {
                hits = Collect(index, request, fuzzyRanges, fuzzy: true);
            }
        }

        return hits;
    }

    private List<SearchHit> Collect(SnomedIndex index, SearchRequest request, (int Lo, int Hi)[][] ranges, bool fuzzy)
    {
        if (ranges.Any(r => r.All(x => x.Lo >= x.Hi)))
        {
            return [];
        }

        // The query token with the fewest postings drives.
        var driver = 0;
        var fewest = long.MaxValue;
        for (var q = 0; q < ranges.Length; q++)
        {
            long count = 0;
            foreach (var (lo, hi) in ranges[q])
            {
                count += postings.Offsets[hi] - postings.Offsets[lo];
            }

            if (count < fewest)
            {
                fewest = count;
                driver = q;
            }
        }

        var refsets = request.LanguageRefsets.Select(r => index.Acceptability.GetValueOrDefault(r)).ToArray();
        var top = new TopConcepts(request.Offset + request.Limit);
        foreach (var (lo, hi) in ranges[driver])
        {
            for (var token = lo; token < hi; token++)
            {
                Scan(index, request, ranges, driver, refsets, top, postings[token]);
            }
        }

        return top.Ranked().Skip(request.Offset).Select(h => new SearchHit(
            index.ConceptIds[h.Concept], index.DescriptionIds[h.Description], index.Terms[h.Description],
            index.PreferredTermOf(h.Concept, request.LanguageRefsets), index.ConceptActive[h.Concept], fuzzy)).ToList();
    }

    /// <summary>One token's postings, shortest terms first: once the best key a term this long could have loses, the rest lose too.</summary>
    private void Scan(SnomedIndex index, SearchRequest request, (int Lo, int Hi)[][] ranges, int driver, byte[]?[] refsets, TopConcepts top, ReadOnlySpan<int> slice)
    {
            foreach (var d in slice)
            {
                if (!top.WouldTake((ulong)Math.Min(index.Terms[d].Length, 0xFFFF) << 32))
                {
                    return;
                }

                var c = index.DescriptionConcept[d];
                if (!request.IncludeInactive && !index.ConceptActive[c])
                {
                    continue;
                }

                var key = Key(index, refsets, d, c);
                if (!top.WouldTake(key) || !MatchesAll(d, ranges, driver))
                {
                    continue;
                }

                if (request.Constraint is { } constraint && !constraint(index.ConceptIds[c]))
                {
                    continue;
                }

                top.Offer(key, c, d);
            }
    }

    /// <summary>Rank key, smaller first: language category, then term length, then the concept's SCTID order.</summary>
    private static ulong Key(SnomedIndex index, byte[]?[] refsets, int d, int c)
    {
        var category = 3UL * (ulong)refsets.Length;
        for (var i = 0; i < refsets.Length; i++)
        {
            var acc = refsets[i] is { } a ? a[d] : (byte)0;
            if (acc == 0)
            {
                continue;
            }

            var fsn = index.DescriptionTypes[d] == SnomedIds.Fsn;
            category = 3UL * (ulong)i + (fsn ? 2UL : acc == 2 ? 0UL : 1UL);
            break;
        }

        var length = (ulong)Math.Min(index.Terms[d].Length, 0xFFFF);
        return (category << 56) | (length << 32) | (uint)c;
    }

    private bool MatchesAll(int d, (int Lo, int Hi)[][] ranges, int driver)
    {
        var own = descriptionTokens[d];
        for (var q = 0; q < ranges.Length; q++)
        {
            if (q == driver)
            {
                continue;
            }

            var found = false;
            foreach (var (lo, hi) in ranges[q])
            {
                // own is sorted: the first token number >= lo decides.
                var at = own.BinarySearch(lo);
                if (at < 0)
                {
                    at = ~at;
                }

                if (at < own.Length && own[at] < hi)
                {
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The tokens that start with <paramref name="prefix"/>: [Lo, Hi).</summary>
    private (int Lo, int Hi) PrefixRange(string prefix)
    {
        int lo = 0, hi = tokens.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (string.CompareOrdinal(tokens[mid], prefix) < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        var start = lo;
        hi = tokens.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (tokens[mid].StartsWith(prefix, StringComparison.Ordinal))
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return (start, lo);
    }

    /// <summary>
    /// The tokens one of whose prefixes is within the allowed edit distance of the query token (Levenshtein):
    /// 1 for tokens of 3 to 5 letters, 2 from 6 letters, none below 3 (every short word is a typo of another).
    /// </summary>
    private (int Lo, int Hi)[] FuzzyRanges(string query)
    {
        var max = query.Length < 3 ? 0 : query.Length < 6 ? 1 : 2;
        var exact = PrefixRange(query);
        if (max == 0)
        {
            return exact.Lo < exact.Hi ? [exact] : [];
        }

        var found = new List<(int, int)>();
        var previous = new int[query.Length + 1];
        var current = new int[query.Length + 1];
        for (var t = 0; t < tokens.Length; t++)
        {
            if (PrefixDistanceAtMost(query, tokens[t], max, previous, current))
            {
                if (found.Count > 0 && found[^1].Item2 == t)
                {
                    found[^1] = (found[^1].Item1, t + 1);
                }
                else
                {
                    found.Add((t, t + 1));
                }
            }
        }

        return found.ToArray();
    }

    /// <summary>
    /// True when some prefix of <paramref name="token"/> is within <paramref name="max"/> edits of the query: the
    /// dynamic programme runs over the token's letters, and a column whose last cell is small enough answers yes.
    /// </summary>
    private static bool PrefixDistanceAtMost(string query, string token, int max, int[] previous, int[] current)
    {
        if (token.Length < query.Length - max)
        {
            return false;
        }

        for (var i = 0; i <= query.Length; i++)
        {
            previous[i] = i;
        }

        if (previous[query.Length] <= max)
        {
            return true;
        }

        for (var j = 1; j <= token.Length; j++)
        {
            current[0] = j;
            var best = current[0];
            for (var i = 1; i <= query.Length; i++)
            {
                var cost = query[i - 1] == token[j - 1] ? 0 : 1;
                current[i] = Math.Min(Math.Min(current[i - 1] + 1, previous[i] + 1), previous[i - 1] + cost);
                best = Math.Min(best, current[i]);
            }

            if (current[query.Length] <= max)
            {
                return true;
            }

            if (best > max)
            {
                return false;
            }

            (previous, current) = (current, previous);
        }

        return false;
    }

    /// <summary>The best <c>capacity</c> distinct concepts by key, each with its best description.</summary>
    private sealed class TopConcepts(int capacity)
    {
        private readonly List<(ulong Key, int Concept, int Description)> items = new(capacity + 1);

        public bool WouldTake(ulong key) => items.Count < capacity || key < items[^1].Key;

        public void Offer(ulong key, int concept, int description)
        {
            var existing = items.FindIndex(i => i.Concept == concept);
            if (existing >= 0)
            {
                if (items[existing].Key <= key)
                {
                    return;
                }

                items.RemoveAt(existing);
            }

            var at = items.FindIndex(i => i.Key > key);
            items.Insert(at < 0 ? items.Count : at, (key, concept, description));
            if (items.Count > capacity)
            {
                items.RemoveAt(items.Count - 1);
            }
        }

        public IEnumerable<(int Concept, int Description)> Ranked() => items.Select(i => (i.Concept, i.Description));
    }
}
