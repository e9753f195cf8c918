using Fkj.Cdr.Terminology.Rf2;

namespace Fkj.Cdr.Terminology.Index;

/// <summary>
/// Builds a <see cref="SnomedIndex"/> from RF2 Snapshot rows. Rows of several releases may be fed together: of
/// the rows of one component (or reference set member), the one with the latest effectiveTime wins, the later
/// file on a tie. Only active inferred relationships enter the graph.
/// </summary>
public static class SnomedIndexBuilder
{
    public static SnomedIndex Build(IRf2Source release, Action<string>? progress = null)
    {
        var index = new SnomedIndex();
        progress?.Invoke("concepts");
        LoadConcepts(index, release.Concepts());
        progress?.Invoke("descriptions");
        LoadDescriptions(index, release.Descriptions().Concat(release.TextDefinitions()));
        progress?.Invoke("language reference sets");
        LoadLanguageRefsets(index, release.RefsetMembers(Rf2FileKind.LanguageRefset));
        progress?.Invoke("relationships");
        LoadRelationships(index, release.Relationships(), release.ConcreteValues());
        progress?.Invoke("transitive closure");
        BuildClosure(index);
        progress?.Invoke("reference sets");
        LoadRefsets(index, release.RefsetMembers(Rf2FileKind.SimpleRefset)
            .Concat(release.RefsetMembers(Rf2FileKind.AssociationRefset))
            .Concat(release.RefsetMembers(Rf2FileKind.MapRefset))
            .Concat(release.RefsetMembers(Rf2FileKind.OtherRefset).Where(m => !IsOwl(m))));
        progress?.Invoke("term index");
        index.TermIndex = TermIndex.Build(index);
        return index;
    }

    private static void LoadConcepts(SnomedIndex index, IEnumerable<Rf2Concept> rows)
    {
        var latest = new Dictionary<long, Rf2Concept>();
        foreach (var row in rows)
        {
            if (!latest.TryGetValue(row.Id, out var seen) || row.EffectiveTime >= seen.EffectiveTime)
            {
                latest[row.Id] = row;
            }
        }

        var ids = latest.Keys.ToArray();
        Array.Sort(ids);
        index.ConceptIds = ids;
        index.ConceptIndex = new Dictionary<long, int>(ids.Length);
        index.ConceptActive = new bool[ids.Length];
        index.ConceptDefined = new bool[ids.Length];
        index.ConceptModule = new long[ids.Length];
        index.ConceptEffectiveTime = new int[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            var c = latest[ids[i]];
            index.ConceptIndex[c.Id] = i;
            index.ConceptActive[i] = c.Active;
            index.ConceptDefined[i] = c.DefinitionStatusId == SnomedIds.Defined;
            index.ConceptModule[i] = c.ModuleId;
            index.ConceptEffectiveTime[i] = c.EffectiveTime;
        }
    }

    private static void LoadDescriptions(SnomedIndex index, IEnumerable<Rf2Description> rows)
    {
        var latest = new Dictionary<long, Rf2Description>();
        foreach (var row in rows)
        {
            if (index.ConceptIndex.ContainsKey(row.ConceptId)
                && (!latest.TryGetValue(row.Id, out var seen) || row.EffectiveTime >= seen.EffectiveTime))
            {
                latest[row.Id] = row;
            }
        }

        var ordered = latest.Values.ToArray();
        var keys = ordered.Select(d => (index.ConceptIndex[d.ConceptId], d.Id)).ToArray();
        Array.Sort(keys, ordered);
        var n = ordered.Length;
        index.DescriptionIds = new long[n];
        index.DescriptionConcept = new int[n];
        index.Terms = new string[n];
        index.LanguageCodes = new string[n];
        index.DescriptionTypes = new long[n];
        index.DescriptionActive = new bool[n];
        index.DescriptionModule = new long[n];
        index.DescriptionEffectiveTime = new int[n];
        index.CaseSignificance = new long[n];
        index.DescriptionIndex = new Dictionary<long, int>(n);
        index.DescriptionStart = new int[index.ConceptCount + 1];
        for (var d = 0; d < n; d++)
        {
            var row = ordered[d];
            var c = index.ConceptIndex[row.ConceptId];
            index.DescriptionIds[d] = row.Id;
            index.DescriptionConcept[d] = c;
            index.Terms[d] = row.Term;
            index.LanguageCodes[d] = string.Intern(row.LanguageCode);
            index.DescriptionTypes[d] = row.TypeId;
            index.DescriptionActive[d] = row.Active;
            index.DescriptionModule[d] = row.ModuleId;
            index.DescriptionEffectiveTime[d] = row.EffectiveTime;
            index.CaseSignificance[d] = row.CaseSignificanceId;
            index.DescriptionIndex[row.Id] = d;
            index.DescriptionStart[c + 1]++;
        }

        for (var c = 0; c < index.ConceptCount; c++)
        {
            index.DescriptionStart[c + 1] += index.DescriptionStart[c];
        }
    }

    private static void LoadLanguageRefsets(SnomedIndex index, IEnumerable<Rf2RefsetMember> rows)
    {
        var times = new Dictionary<long, int[]>();
        foreach (var row in rows)
        {
            if (!index.DescriptionIndex.TryGetValue(row.ReferencedComponentId, out var d))
            {
                continue;
            }

            if (!index.Acceptability.TryGetValue(row.RefsetId, out var acc))
            {
                index.Acceptability[row.RefsetId] = acc = new byte[index.DescriptionCount];
                times[row.RefsetId] = new int[index.DescriptionCount];
            }

            var time = times[row.RefsetId];
            if (row.EffectiveTime < time[d])
            {
                continue;
            }

            time[d] = row.EffectiveTime;
            var acceptability = long.TryParse(row.Fields[0], out var a) ? a : 0;
            acc[d] = !row.Active ? (byte)0 : acceptability == SnomedIds.Preferred ? (byte)2 : acceptability == SnomedIds.Acceptable ? (byte)1 : (byte)0;
        }
    }

    private static void LoadRelationships(SnomedIndex index, IEnumerable<Rf2Relationship> rows, IEnumerable<Rf2ConcreteValue> concrete)
    {
        var latest = new Dictionary<long, Rf2Relationship>();
        foreach (var row in rows)
        {
            if (!latest.TryGetValue(row.Id, out var seen) || row.EffectiveTime >= seen.EffectiveTime)
            {
                latest[row.Id] = row;
            }
        }

        var parentRows = new List<int>();
        var parentValues = new List<int>();
        var attributes = new List<(int Source, long Type, int Destination, int Group)>();
        foreach (var r in latest.Values)
        {
            if (!r.Active || r.CharacteristicTypeId == SnomedIds.StatedRelationship
                || !index.ConceptIndex.TryGetValue(r.SourceId, out var s) || !index.ConceptIndex.TryGetValue(r.DestinationId, out var t))
            {
                continue;
            }

            if (r.TypeId == SnomedIds.IsA)
            {
                parentRows.Add(s);
                parentValues.Add(t);
            }
            else
            {
                attributes.Add((s, r.TypeId, t, r.Group));
            }
        }

        latest.Clear();
        var n = index.ConceptCount;
        index.ParentsOf = SortedRows(Csr.FromPairs(n, parentRows, parentValues));
        index.ChildrenOf = index.ParentsOf.Transpose(n);

        attributes.Sort();
        index.AttributeStart = new int[n + 1];
        index.AttributeTypes = new long[attributes.Count];
        index.AttributeDestinations = new int[attributes.Count];
        index.AttributeGroups = new int[attributes.Count];
        for (var i = 0; i < attributes.Count; i++)
        {
            var (s, type, t, g) = attributes[i];
            index.AttributeStart[s + 1]++;
            index.AttributeTypes[i] = type;
            index.AttributeDestinations[i] = t;
            index.AttributeGroups[i] = g;
        }

        for (var c = 0; c < n; c++)
        {
            index.AttributeStart[c + 1] += index.AttributeStart[c];
        }

        var values = new Dictionary<long, Rf2ConcreteValue>();
        foreach (var row in concrete)
        {
            if (!values.TryGetValue(row.Id, out var seen) || row.EffectiveTime >= seen.EffectiveTime)
            {
                values[row.Id] = row;
            }
        }

        index.Concrete = values.Values
            .Where(v => v.Active && v.CharacteristicTypeId != SnomedIds.StatedRelationship && index.ConceptIndex.ContainsKey(v.SourceId))
            .GroupBy(v => index.ConceptIndex[v.SourceId])
            .ToDictionary(g => g.Key, g => g.OrderBy(v => v.Group).ThenBy(v => v.TypeId).Select(v => new SnomedConcreteValue(v.TypeId, v.Value, v.Group)).ToArray());
    }

    /// <summary>
    /// The ancestors of every concept, in topological order (parents before children): a concept's ancestors are
    /// its parents and their ancestors, merged and sorted. The descendants are the transpose. A cycle (which a
    /// valid release never has) leaves the concepts on it without ancestors beyond their parents.
    /// </summary>
    private static void BuildClosure(SnomedIndex index)
    {
        var n = index.ConceptCount;
        var parents = index.ParentsOf;
        var children = index.ChildrenOf;
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
            ancestors[c] = Union(parents[c], ancestors, buffer);
            foreach (var child in children[c])
            {
                if (--pending[child] == 0)
                {
                    queue.Enqueue(child);
                }
            }
        }

        var offsets = new int[n + 1];
        for (var c = 0; c < n; c++)
        {
            ancestors[c] ??= parents[c].ToArray();
            offsets[c + 1] = offsets[c] + ancestors[c].Length;
        }

        var values = new int[offsets[n]];
        for (var c = 0; c < n; c++)
        {
            ancestors[c].CopyTo(values, offsets[c]);
        }

        index.AncestorsOf = new Csr(offsets, values);
        index.DescendantsOf = index.AncestorsOf.Transpose(n);
    }

    private static int[] Union(ReadOnlySpan<int> parents, int[][] ancestors, List<int> buffer)
    {
        if (parents.Length == 0)
        {
            return [];
        }

        if (parents.Length == 1)
        {
            var above = ancestors[parents[0]] ?? [];
            var single = new int[above.Length + 1];
            var at = ~Array.BinarySearch(above, parents[0]);
            Array.Copy(above, 0, single, 0, at);
            single[at] = parents[0];
            Array.Copy(above, at, single, at + 1, above.Length - at);
            return single;
        }

        buffer.Clear();
        foreach (var p in parents)
        {
            buffer.Add(p);
            buffer.AddRange(ancestors[p] ?? []);
        }

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

    private static Csr SortedRows(Csr csr)
    {
        for (var r = 0; r < csr.Rows; r++)
        {
            Array.Sort(csr.Values, csr.Offsets[r], csr.Offsets[r + 1] - csr.Offsets[r]);
        }

        return csr;
    }

    private static void LoadRefsets(SnomedIndex index, IEnumerable<Rf2RefsetMember> rows)
    {
        var latest = new Dictionary<string, Rf2RefsetMember>();
        foreach (var row in rows)
        {
            if (!latest.TryGetValue(row.Id, out var seen) || row.EffectiveTime >= seen.EffectiveTime)
            {
                latest[row.Id] = row;
            }
        }

        var names = new Dictionary<Rf2File, string[]>(ReferenceEqualityComparer.Instance);
        var all = latest.Values
            .OrderBy(m => m.RefsetId).ThenBy(m => m.ReferencedComponentId).ThenBy(m => m.Id, StringComparer.Ordinal)
            .Select(m => (Row: m, Member: new SnomedRefsetMember(m.RefsetId, m.ReferencedComponentId, m.Fields)
            {
                Id = m.Id,
                EffectiveTime = m.EffectiveTime,
                Active = m.Active,
                ModuleId = m.ModuleId,
                FieldNames = FieldNames(m.File, names),
            }))
            .ToList();
        index.AllMembers = all.GroupBy(m => m.Member.RefsetId).ToDictionary(g => g.Key, g => g.Select(m => m.Member).ToArray());

        // The public look-ups keep their meaning: active simple, association and map rows.
        var active = all.Where(m => m.Member.Active && m.Row.File?.Kind is Rf2FileKind.SimpleRefset or Rf2FileKind.AssociationRefset or Rf2FileKind.MapRefset or null)
            .Select(m => m.Member).ToList();
        index.Refsets = active.GroupBy(m => m.RefsetId).ToDictionary(g => g.Key, g => g.ToArray());
        index.Memberships = active.GroupBy(m => m.ReferencedComponentId).ToDictionary(g => g.Key, g => g.ToArray());
    }

    private static bool IsOwl(Rf2RefsetMember member) => member.File?.Columns.Contains("owlExpression") == true;

    private static string[] FieldNames(Rf2File? file, Dictionary<Rf2File, string[]> cache)
    {
        if (file is null) return [];
        if (!cache.TryGetValue(file, out var names))
        {
            cache[file] = names = file.Columns.Skip(6).ToArray();
        }

        return names;
    }
}
