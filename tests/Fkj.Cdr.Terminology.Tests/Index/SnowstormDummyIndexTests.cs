using Fkj.Cdr.Terminology.Index;
using Fkj.Cdr.Terminology.Rf2;
using Fkj.Cdr.Testing;

namespace Fkj.Cdr.Terminology.Tests.Index;

/// <summary>
/// The index over the Snowstorm dummy release. Every expected value was read off the RF2 files: the active inferred
/// IS-A rows of sct2_Relationship_Snapshot, the active flags of sct2_Concept_Snapshot, the descriptions and the
/// en-GB language reference set rows, and the association reference set.
/// </summary>
public class SnowstormDummyIndexTests
{
    private static readonly Lazy<SnomedIndex> Dummy = new(() =>
        SnomedIndexBuilder.Build(Rf2Release.Open(Fixtures.Path("snomed", "snowstorm-dummy", "RF2Release"))));

    private static SnomedIndex Index => Dummy.Value;

    [Fact]
    public void Only_the_snapshot_is_read()
    {
        // 103 concept rows in the Snapshot (the Full file has 113, and the Delta adds one concept)
        Assert.Equal(103, Index.ConceptCount);
        Assert.False(Index.IsActive(118225008));
        Assert.False(Index.IsActive(246188002));
        Assert.True(Index.IsActive(404684003));
    }

    [Fact]
    public void Parents_children_ancestors_and_descendants_follow_the_inferred_is_a_rows()
    {
        Assert.Equal([118222006L], Index.Parents(72670004));
        Assert.Equal([118222006L, 138875005L, 250171008L, 404684003L], Index.Ancestors(72670004));
        Assert.Equal([64572001L, 131148009L, 250171008L], Index.Children(404684003));
        Assert.Equal([64572001L, 72670004L, 118222006L, 131148009L, 250171008L, 300577008L], Index.Descendants(404684003));
        Assert.Empty(Index.Descendants(64572001));
        Assert.Empty(Index.Ancestors(138875005));
    }

    [Fact]
    public void A_concept_with_three_parents_has_the_ancestors_of_all_three()
    {
        // 900000000000482003 IS-A 900000000000481005, 900000000000493001 and 900000000000546006
        Assert.Equal([900000000000481005L, 900000000000493001L, 900000000000546006L], Index.Parents(900000000000482003));
        Assert.True(Index.Subsumes(900000000000491004, 900000000000482003)); // via 900000000000481005
        Assert.True(Index.Subsumes(138875005, 900000000000482003));
    }

    [Theory]
    [InlineData(404684003, 72670004, true)]
    [InlineData(250171008, 72670004, true)]
    [InlineData(72670004, 72670004, true)]
    [InlineData(72670004, 404684003, false)]
    [InlineData(64572001, 72670004, false)]
    [InlineData(404684003, 123037004, false)]
    [InlineData(404684003, 999999999, false)]
    public void Subsumption(long ancestor, long concept, bool expected) => Assert.Equal(expected, Index.Subsumes(ancestor, concept));

    [Fact]
    public void Relationships_are_the_active_inferred_attributes()
    {
        Assert.Equal([new SnomedRelationship(408729009, 410514004, 0), new SnomedRelationship(408731000, 410510008, 0)],
            Index.Relationships(413350009).OrderBy(r => r.TypeId));
        Assert.Equal([new SnomedRelationship(116676008, 49755003, 0)], Index.Relationships(300577008));
    }

    [Fact]
    public void Preferred_terms_and_fsn_come_from_the_language_reference_set()
    {
        Assert.Equal("Disease", Index.PreferredTerm(64572001));
        Assert.Equal("Disease (disorder)", Index.FullySpecifiedName(64572001));
        Assert.Equal(SnomedIds.Acceptable, Index.AcceptabilityOf(189971012, SnomedIds.GbEnglish));
        Assert.Equal(SnomedIds.Preferred, Index.AcceptabilityOf(179085010, SnomedIds.GbEnglish));
    }

    [Fact]
    public void Historical_associations_are_kept_for_inactive_concepts()
    {
        var memberships = Index.MembershipsOf(118225008);
        Assert.Equal(["118222006", "250171008", "413350009"], memberships.Where(m => m.RefsetId == SnomedIds.PossiblyEquivalentTo).Select(m => m.Fields[0]).Order());
        Assert.Equal(["404684003"], Index.MembershipsOf(246188002).Where(m => m.RefsetId == SnomedIds.ReplacedBy).Select(m => m.Fields[0]));
    }

    [Fact]
    public void Search_prefers_the_preferred_term_then_shorter_terms()
    {
        var hits = Index.Search(new SearchRequest("diseas"));
        Assert.Equal(64572001, hits[0].ConceptId);
        Assert.Equal("Disease", hits[0].Term);

        // only acceptable synonyms match: the shortest active one, "Syndrome" (inactive "Syndrome, NOS" is not a term)
        var syndrome = Assert.Single(Index.Search(new SearchRequest("syndr")));
        Assert.Equal(("Syndrome", "Disease"), (syndrome.Term, syndrome.PreferredTerm));

        // every token must match a token of the same description as a prefix
        Assert.Equal(64572001, Assert.Single(Index.Search(new SearchRequest("clin dis synd pres"))).ConceptId);
        Assert.Empty(Index.Search(new SearchRequest("clinical finding disease")));
    }

    [Fact]
    public void Inactive_concepts_are_found_only_when_asked_for()
    {
        // "Context-dependent finding" is a term of the inactive 118225008 and of the active 413350009
        var active = Index.Search(new SearchRequest("context-dependent finding"));
        Assert.Equal([413350009L], active.Select(h => h.ConceptId));
        var all = Index.Search(new SearchRequest("context-dependent finding") { IncludeInactive = true });
        Assert.Equal([118225008L, 413350009L], all.Select(h => h.ConceptId).Order());
        Assert.False(all.Single(h => h.ConceptId == 118225008).Active);
    }

    [Fact]
    public void A_misspelt_word_falls_back_to_edit_distance_two()
    {
        var hits = Index.Search(new SearchRequest("diseaze"));
        Assert.Equal(64572001, hits[0].ConceptId);
        Assert.True(hits[0].Fuzzy);
        Assert.Empty(Index.Search(new SearchRequest("diseaze") { Fuzzy = false }));
        Assert.Empty(Index.Search(new SearchRequest("qqqqqqqq")));
    }

    [Fact]
    public void A_constraint_limits_the_hits()
    {
        var findings = Index.Search(new SearchRequest("find") { Limit = 50, Constraint = id => Index.Subsumes(250171008, id) });
        Assert.NotEmpty(findings);
        Assert.All(findings, h => Assert.True(Index.Subsumes(250171008, h.ConceptId)));
    }
}
