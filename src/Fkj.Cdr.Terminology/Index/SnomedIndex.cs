using Fkj.Cdr.Terminology.Rf2;

namespace Fkj.Cdr.Terminology.Index;

/// <summary>
/// An in-process SNOMED CT index built from an RF2 Snapshot by <see cref="SnomedIndexBuilder"/>: concepts in SCTID
/// order, the active inferred IS-A graph and its transitive closure (sorted ancestor and descendant lists, so a
/// subsumption test is one binary search and <c>&lt;&lt; X</c> is one slice), attribute relationships and concrete
/// values, descriptions with their acceptability per language reference set, the simple, association and map
/// reference sets, and the term search (<see cref="TermIndex"/>). Immutable once built, so any number of threads
/// may read it.
/// </summary>
public sealed partial class SnomedIndex
{
    internal long[] ConceptIds = [];
    internal Dictionary<long, int> ConceptIndex = [];
    internal bool[] ConceptActive = [];
    internal bool[] ConceptDefined = [];
    internal long[] ConceptModule = [];
    internal int[] ConceptEffectiveTime = [];

    internal Csr ParentsOf = new([0], []);
    internal Csr ChildrenOf = new([0], []);
    internal Csr AncestorsOf = new([0], []);
    internal Csr DescendantsOf = new([0], []);

    // Descriptions sorted by (concept, id); the descriptions of concept c are DescriptionStart[c]..DescriptionStart[c+1].
    internal int[] DescriptionStart = [0];
    internal long[] DescriptionIds = [];
    internal int[] DescriptionConcept = [];
    internal string[] Terms = [];
    internal string[] LanguageCodes = [];
    internal long[] DescriptionTypes = [];
    internal bool[] DescriptionActive = [];
    internal long[] DescriptionModule = [];
    internal int[] DescriptionEffectiveTime = [];
    internal long[] CaseSignificance = [];
    internal Dictionary<long, int> DescriptionIndex = [];

    /// <summary>Per language reference set: per description 0 (not a member), 1 acceptable, 2 preferred.</summary>
    internal Dictionary<long, byte[]> Acceptability = [];

    internal int[] AttributeStart = [0];
    internal long[] AttributeTypes = [];
    internal int[] AttributeDestinations = [];
    internal int[] AttributeGroups = [];

    internal Dictionary<int, SnomedConcreteValue[]> Concrete = [];
    internal Dictionary<long, SnomedRefsetMember[]> Refsets = [];
    internal Dictionary<long, SnomedRefsetMember[]> Memberships = [];

    /// <summary>
    /// Every member row (active and inactive) of every reference set but the language and OWL ones, by refset: what
    /// ECL memberOf and member filters read. <see cref="Refsets"/> keeps the active simple, association and map ones.
    /// </summary>
    internal Dictionary<long, SnomedRefsetMember[]> AllMembers = [];

    internal TermIndex TermIndex = null!;

    public int ConceptCount => ConceptIds.Length;

    public int DescriptionCount => DescriptionIds.Length;

    public IReadOnlyCollection<long> LanguageRefsets => Acceptability.Keys;

    public IReadOnlyCollection<long> ReferenceSets => Refsets.Keys;

    public bool Contains(long conceptId) => ConceptIndex.ContainsKey(conceptId);

    public bool IsActive(long conceptId) => ConceptIndex.TryGetValue(conceptId, out var c) && ConceptActive[c];

    /// <summary>True when the concept is sufficiently defined (not primitive).</summary>
    public bool IsDefined(long conceptId) => ConceptDefined[Require(conceptId)];

    public long ModuleOf(long conceptId) => ConceptModule[Require(conceptId)];

    /// <summary>The effectiveTime of the concept's row (YYYYMMDD as a number; 0 when it has none).</summary>
    public int EffectiveTimeOf(long conceptId) => ConceptEffectiveTime[Require(conceptId)];

    /// <summary>The effectiveTime of a description's row, or null when the index has no such description.</summary>
    public int? DescriptionEffectiveTimeOf(long descriptionId) =>
        DescriptionIndex.TryGetValue(descriptionId, out var d) ? DescriptionEffectiveTime[d] : null;

    /// <summary>True when <paramref name="conceptId"/> is <paramref name="ancestorOrSelfId"/> or one of its descendants.</summary>
    public bool Subsumes(long ancestorOrSelfId, long conceptId)
    {
        if (!ConceptIndex.TryGetValue(ancestorOrSelfId, out var a) || !ConceptIndex.TryGetValue(conceptId, out var c))
        {
            return false;
        }

        return a == c || AncestorsOf[c].BinarySearch(a) >= 0;
    }

    public long[] Parents(long conceptId) => Ids(ParentsOf[Require(conceptId)]);

    public long[] Children(long conceptId) => Ids(ChildrenOf[Require(conceptId)]);

    /// <summary>Every ancestor by active inferred IS-A, in SCTID order.</summary>
    public long[] Ancestors(long conceptId) => Ids(AncestorsOf[Require(conceptId)]);

    /// <summary>Every descendant by active inferred IS-A, in SCTID order.</summary>
    public long[] Descendants(long conceptId) => Ids(DescendantsOf[Require(conceptId)]);

    public int DescendantCount(long conceptId) => DescendantsOf[Require(conceptId)].Length;

    public IReadOnlyList<SnomedDescription> Descriptions(long conceptId)
    {
        var c = Require(conceptId);
        var list = new List<SnomedDescription>(DescriptionStart[c + 1] - DescriptionStart[c]);
        for (var d = DescriptionStart[c]; d < DescriptionStart[c + 1]; d++)
        {
            list.Add(Description(d));
        }

        return list;
    }

    /// <summary>The acceptability of a description in a language reference set: Preferred, Acceptable or null.</summary>
    public long? AcceptabilityOf(long descriptionId, long languageRefset) =>
        DescriptionIndex.TryGetValue(descriptionId, out var d) && Acceptability.TryGetValue(languageRefset, out var acc)
            ? acc[d] switch { 2 => SnomedIds.Preferred, 1 => SnomedIds.Acceptable, _ => null }
            : null;

    /// <summary>The active synonym preferred in the first of the reference sets that has one; the FSN otherwise.</summary>
    public string? PreferredTerm(long conceptId, IReadOnlyList<long>? languageRefsets = null) =>
        ConceptIndex.TryGetValue(conceptId, out var c) ? PreferredTermOf(c, languageRefsets ?? [SnomedIds.GbEnglish, SnomedIds.UsEnglish]) : null;

    public string? FullySpecifiedName(long conceptId, IReadOnlyList<long>? languageRefsets = null) =>
        ConceptIndex.TryGetValue(conceptId, out var c)
            ? Best(c, SnomedIds.Fsn, languageRefsets ?? [SnomedIds.GbEnglish, SnomedIds.UsEnglish]) ?? AnyActive(c, SnomedIds.Fsn)
            : null;

    public IReadOnlyList<SnomedRelationship> Relationships(long conceptId)
    {
        var c = Require(conceptId);
        var list = new List<SnomedRelationship>();
        for (var i = AttributeStart[c]; i < AttributeStart[c + 1]; i++)
        {
            list.Add(new SnomedRelationship(AttributeTypes[i], ConceptIds[AttributeDestinations[i]], AttributeGroups[i]));
        }

        return list;
    }

    public IReadOnlyList<SnomedConcreteValue> ConcreteValues(long conceptId) =>
        Concrete.TryGetValue(Require(conceptId), out var values) ? values : [];

    /// <summary>The active members of a simple, association or map reference set.</summary>
    public IReadOnlyList<SnomedRefsetMember> RefsetMembers(long refsetId) => Refsets.TryGetValue(refsetId, out var m) ? m : [];

    /// <summary>
    /// Every row, active or inactive, of a reference set (any kind but language and OWL refsets: simple, association,
    /// map, attribute value, MRCM, ...), with effectiveTime, module and named fields.
    /// </summary>
    public IReadOnlyList<SnomedRefsetMember> AllRefsetMembers(long refsetId) => AllMembers.TryGetValue(refsetId, out var m) ? m : [];

    /// <summary>The active simple, association and map reference set rows that refer to a component.</summary>
    public IReadOnlyList<SnomedRefsetMember> MembershipsOf(long componentId) => Memberships.TryGetValue(componentId, out var m) ? m : [];

    public IReadOnlyList<SearchHit> Search(SearchRequest request) => TermIndex.Search(this, request);

    /// <summary>Sizes of the parts, for the measurements in docs/terminology.md.</summary>
    public IReadOnlyDictionary<string, long> Sizes() => new Dictionary<string, long>
    {
        ["concepts"] = ConceptCount,
        ["descriptions"] = DescriptionCount,
        ["isA"] = ParentsOf.Values.Length,
        ["closure"] = AncestorsOf.Values.Length,
        ["attributes"] = AttributeTypes.Length,
        ["tokens"] = TermIndex.TokenCount,
        ["postings"] = TermIndex.PostingCount,
    };

    internal SnomedDescription Description(int d) => new(DescriptionIds[d], ConceptIds[DescriptionConcept[d]], Terms[d],
        LanguageCodes[d], DescriptionTypes[d], DescriptionActive[d], DescriptionModule[d], CaseSignificance[d]);

    internal string PreferredTermOf(int c, IReadOnlyList<long> refsets) =>
        Best(c, SnomedIds.Synonym, refsets) ?? Best(c, SnomedIds.Fsn, refsets) ?? AnyActive(c, SnomedIds.Synonym) ?? AnyActive(c, SnomedIds.Fsn) ?? "";

    private string? Best(int c, long type, IReadOnlyList<long> refsets)
    {
        foreach (var refset in refsets)
        {
            if (!Acceptability.TryGetValue(refset, out var acc))
            {
                continue;
            }

            for (var d = DescriptionStart[c]; d < DescriptionStart[c + 1]; d++)
            {
                if (acc[d] == 2 && DescriptionActive[d] && DescriptionTypes[d] == type)
                {
                    return Terms[d];
                }
            }
        }

        return null;
    }

    private string? AnyActive(int c, long type)
    {
        for (var d = DescriptionStart[c]; d < DescriptionStart[c + 1]; d++)
        {
            if (DescriptionActive[d] && DescriptionTypes[d] == type)
            {
                return Terms[d];
            }
        }

        return null;
    }

    internal int Require(long conceptId) =>
        ConceptIndex.TryGetValue(conceptId, out var c) ? c : throw new KeyNotFoundException($"concept {conceptId} is not in the index");

    private long[] Ids(ReadOnlySpan<int> indices)
    {
        var ids = new long[indices.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = ConceptIds[indices[i]];
        }

        return ids;
    }
}
