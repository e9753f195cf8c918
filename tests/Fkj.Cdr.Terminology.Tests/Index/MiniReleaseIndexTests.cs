using Fkj.Cdr.Terminology.Index;
using Fkj.Cdr.Terminology.Rf2;
using Fkj.Cdr.Testing;

namespace Fkj.Cdr.Terminology.Tests.Index;

/// <summary>The snowstorm-lite mini releases (with comment lines), International and Swedish extension read together.</summary>
public class MiniReleaseIndexTests
{
    private static readonly Lazy<SnomedIndex> Mini = new(() => SnomedIndexBuilder.Build(Rf2Release.Open(
        Fixtures.Path("snomed", "snowstorm-lite-mini", "SnomedCT_MiniRF2"),
        Fixtures.Path("snomed", "snowstorm-lite-mini", "SnomedCT_SE_MiniRF2"))));

    [Fact]
    public void Concrete_values_are_kept_as_written()
    {
        // sct2_RelationshipConcreteValues_Snapshot_INT_20210131.txt: 362969004 has "Before bed" and "Daily" (the source of
        // #1, #2.2 and #3, 871866001, has no concept row, so those are left out)
        Assert.Equal(["\"Before bed\"", "\"Daily\""], Mini.Value.ConcreteValues(362969004).Select(v => v.Value).Order());
        Assert.False(Mini.Value.Contains(871866001));
    }

    [Fact]
    public void Simple_and_map_reference_sets_are_read()
    {
        Assert.Equal([362969004L, 404684003L], Mini.Value.RefsetMembers(11816080008).Select(m => m.ReferencedComponentId).Order());
        var map = Mini.Value.RefsetMembers(447562003);
        Assert.Equal(3, map.Count);
        Assert.All(map, m => Assert.Equal(12481008, m.ReferencedComponentId));
    }

    [Fact]
    public void The_files_are_classified_by_name_and_columns()
    {
        var release = Rf2Release.Open(Fixtures.Path("snomed", "snowstorm-lite-mini", "SnomedCT_MiniRF2"));
        Assert.Single(release.FilesOf(Rf2FileKind.MapRefset));
        Assert.Single(release.FilesOf(Rf2FileKind.SimpleRefset));
        Assert.Single(release.FilesOf(Rf2FileKind.AssociationRefset));
        Assert.Single(release.FilesOf(Rf2FileKind.LanguageRefset));
        Assert.Single(release.FilesOf(Rf2FileKind.ConcreteValue));
    }
}
