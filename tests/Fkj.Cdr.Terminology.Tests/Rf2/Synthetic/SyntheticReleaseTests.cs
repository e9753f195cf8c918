using System.Security.Cryptography;
using Fkj.Cdr.Terminology.Index;
using Fkj.Cdr.Terminology.Rf2;
using Fkj.Cdr.Terminology.Rf2.Synthetic;
using Fkj.Cdr.Testing;

namespace Fkj.Cdr.Terminology.Tests.Rf2.Synthetic;

/// <summary>A small synthetic release (3,000 concepts) read back with our own RF2 reader.</summary>
public sealed class SyntheticReleaseTests : IClassFixture<SyntheticReleaseTests.Small>
{
    private readonly Small small;

    public SyntheticReleaseTests(Small small) => this.small = small;

    public sealed class Small : IDisposable
    {
        public Small()
        {
            Summary = SyntheticRelease.Write(Directory.Path, new SyntheticReleaseOptions { Concepts = 3_000, Seed = 7 });
            Release = Rf2Release.Open(Summary.InternationalFolder, Summary.NorwegianFolder);
            Index = SnomedIndexBuilder.Build(Release);
        }

        public TempDirectory Directory { get; } = new("fkj-snomed");
        public SyntheticReleaseSummary Summary { get; }
        public Rf2Release Release { get; }
        public SnomedIndex Index { get; }

        public void Dispose() => Directory.Dispose();
    }

    [Fact]
    public void The_release_has_the_snapshot_layout_and_file_names()
    {
        var names = small.Release.Files.Select(f => f.Name).ToList();
        Assert.Contains("sct2_Concept_Snapshot_INT_20250101.txt", names);
        Assert.Contains("sct2_Description_Snapshot-en_INT_20250101.txt", names);
        Assert.Contains("sct2_Relationship_Snapshot_INT_20250101.txt", names);
        Assert.Contains("sct2_RelationshipConcreteValues_Snapshot_INT_20250101.txt", names);
        Assert.Contains("der2_cRefset_LanguageSnapshot-en_INT_20250101.txt", names);
        Assert.Contains("der2_cRefset_LanguageSnapshot-nb_NO1000202_20250101.txt", names);
        Assert.Contains("sct2_Description_Snapshot-nb_NO1000202_20250101.txt", names);
        Assert.All(small.Release.Files, f => Assert.Equal("Snapshot", f.ReleaseType));
        Assert.All(small.Release.Files, f => Assert.True(File.Exists(f.Location) && f.Location.Contains("/Snapshot/", StringComparison.Ordinal)));
        Assert.Single(small.Release.FilesOf(Rf2FileKind.AssociationRefset));
        Assert.Single(small.Release.FilesOf(Rf2FileKind.MapRefset));
        Assert.Equal(2, small.Release.FilesOf(Rf2FileKind.SimpleRefset).Count());
        Assert.Equal(2, small.Release.FilesOf(Rf2FileKind.LanguageRefset).Count());
    }

    [Fact]
    public void Every_identifier_has_its_partition_and_a_valid_check_digit()
    {
        var concepts = small.Release.Concepts().ToList();
        Assert.Equal(small.Summary.Concepts, concepts.Count);
        Assert.All(concepts, c => Assert.True(Sctid.IsValid(c.Id, Sctid.ConceptPartition), c.Id.ToString()));
        Assert.Equal(concepts.Count, concepts.Select(c => c.Id).Distinct().Count());

        var descriptions = small.Release.Descriptions().Concat(small.Release.TextDefinitions()).ToList();
        Assert.All(descriptions, d => Assert.True(Sctid.IsValid(d.Id, Sctid.DescriptionPartition), d.Id.ToString()));
        Assert.Equal(descriptions.Count, descriptions.Select(d => d.Id).Distinct().Count());

        var relationships = small.Release.Relationships().ToList();
        Assert.All(relationships, r => Assert.True(Sctid.IsValid(r.Id, Sctid.RelationshipPartition), r.Id.ToString()));
        Assert.All(small.Release.ConcreteValues(), r => Assert.True(Sctid.IsValid(r.Id, Sctid.RelationshipPartition), r.Id.ToString()));
        Assert.Equal(relationships.Count, relationships.Select(r => r.Id).Distinct().Count());

        // the Norwegian extension's components are long-format ids in namespace 1000202
        var norwegian = descriptions.Where(d => d.LanguageCode == "nb").ToList();
        Assert.NotEmpty(norwegian);
        Assert.All(norwegian, d => Assert.Equal("1000202", (d.Id / 1000 % 10_000_000).ToString()));
    }

    [Fact]
    public void Every_reference_points_at_a_component_of_the_release()
    {
        var concepts = small.Release.Concepts().Select(c => c.Id).ToHashSet();
        var descriptions = small.Release.Descriptions().Select(d => d.Id).ToHashSet();
        Assert.All(small.Release.Descriptions(), d => Assert.Contains(d.ConceptId, concepts));
        foreach (var r in small.Release.Relationships())
        {
            Assert.Contains(r.SourceId, concepts);
            Assert.Contains(r.DestinationId, concepts);
            Assert.Contains(r.TypeId, concepts);
        }

        Assert.All(small.Release.RefsetMembers(Rf2FileKind.LanguageRefset), m => Assert.Contains(m.ReferencedComponentId, descriptions));
        Assert.All(small.Release.RefsetMembers(Rf2FileKind.AssociationRefset), m => Assert.Contains(long.Parse(m.Fields[0]), concepts));
        Assert.All(small.Release.RefsetMembers(Rf2FileKind.LanguageRefset), m => Assert.True(Guid.TryParse(m.Id, out _)));
    }

    [Fact]
    public void The_same_seed_writes_the_same_files_and_another_seed_other_files()
    {
        using var again = new TempDirectory("fkj-snomed");
        using var other = new TempDirectory("fkj-snomed");
        SyntheticRelease.Write(again.Path, new SyntheticReleaseOptions { Concepts = 3_000, Seed = 7 });
        SyntheticRelease.Write(other.Path, new SyntheticReleaseOptions { Concepts = 3_000, Seed = 8 });
        Assert.Equal(Hashes(small.Directory.Path), Hashes(again.Path));
        Assert.NotEqual(Hashes(small.Directory.Path), Hashes(other.Path));
    }

    [Fact]
    public void The_hierarchy_is_deep_with_several_parents_and_inactive_concepts()
    {
        var index = small.Index;
        Assert.InRange(small.Summary.MaxDepth, 10, 15);
        Assert.True(small.Summary.InactiveConcepts > 0);
        var active = small.Release.Concepts().Where(c => c.Active).Select(c => c.Id).ToList();
        Assert.Contains(active, c => index.Parents(c).Length >= 2);
        // every active concept but the root is under the root; inactive ones have no active IS-A
        Assert.All(active.Where(c => c != SnomedIds.Root), c => Assert.True(index.Subsumes(SnomedIds.Root, c)));
        Assert.All(small.Release.Concepts().Where(c => !c.Active), c => Assert.Empty(index.Parents(c.Id)));
        Assert.Equal(active.Count - 1, index.DescendantCount(SnomedIds.Root));
        // role groups and concrete values
        Assert.Contains(small.Release.Relationships(), r => r.Active && r.Group == 2);
        Assert.Contains(small.Release.ConcreteValues(), v => v.Value.StartsWith('#'));
        Assert.True(index.DescendantCount(39057004) > 0);
    }

    [Fact]
    public void Norwegian_terms_are_found_with_their_own_letters()
    {
        var norwegian = small.Release.Descriptions().First(d => d.LanguageCode == "nb" && d.Active && d.Term.IndexOfAny(['æ', 'ø', 'å']) >= 0
            && small.Index.IsActive(d.ConceptId));
        var hits = small.Index.Search(new SearchRequest(norwegian.Term) { LanguageRefsets = [SnomedIds.NorwegianBokmal], Limit = 50 });
        Assert.Contains(hits, h => h.ConceptId == norwegian.ConceptId);
        Assert.Equal(norwegian.Term, hits.First(h => h.ConceptId == norwegian.ConceptId).PreferredTerm);
        // folding ø to o finds nothing where only ø is written
        var word = TermNormaliser.Tokens(norwegian.Term).First(t => t.IndexOfAny(['æ', 'ø', 'å']) >= 0);
        var folded = word.Replace('ø', 'o').Replace('å', 'a').Replace("æ", "ae");
        Assert.DoesNotContain(small.Index.Search(new SearchRequest(folded) { Fuzzy = false, Limit = 1000, LanguageRefsets = [SnomedIds.NorwegianBokmal] }),
            h => h.Term == norwegian.Term);
    }

    [Fact]
    public void The_counts_of_the_summary_match_the_files()
    {
        Assert.Equal(small.Summary.Descriptions, small.Release.Descriptions().Count());
        Assert.Equal(small.Summary.IsARelationships, small.Release.Relationships().Count(r => r.TypeId == SnomedIds.IsA));
        Assert.Equal(small.Summary.ActiveIsARelationships, small.Release.Relationships().Count(r => r.TypeId == SnomedIds.IsA && r.Active));
        Assert.Equal(small.Summary.ConcreteValues, small.Release.ConcreteValues().Count());
        Assert.Equal(small.Summary.LanguageRefsetRows, small.Release.RefsetMembers(Rf2FileKind.LanguageRefset).Count());
    }

    private static Dictionary<string, string> Hashes(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));
}
