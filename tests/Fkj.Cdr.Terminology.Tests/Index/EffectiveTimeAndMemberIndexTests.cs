using Fkj.Cdr.Terminology.Index;
using Fkj.Cdr.Terminology.Rf2;
using Fkj.Cdr.Testing;

namespace Fkj.Cdr.Terminology.Tests.Index;

/// <summary>
/// Effective times and every reference set row (active or not, any refset kind but language and OWL), as the
/// Snowstorm dummy release's files give them (awk over Snapshot/Terminology/sct2_Concept_…, sct2_Description_… and
/// Snapshot/Refset/*).
/// </summary>
public class EffectiveTimeAndMemberIndexTests
{
    private static readonly Lazy<SnomedIndex> Dummy = new(() =>
        SnomedIndexBuilder.Build(Rf2Release.Open(Fixtures.Path("snomed", "snowstorm-dummy", "RF2Release"))));

    private static SnomedIndex Index => Dummy.Value;

    [Fact]
    public void Concepts_and_descriptions_keep_their_effective_time()
    {
        Assert.Equal(20040131, Index.EffectiveTimeOf(404684003));
        Assert.Equal(20060131, Index.EffectiveTimeOf(300577008));
        Assert.Equal(20050131, Index.EffectiveTimeOf(118225008)); // inactive, still indexed
        Assert.Equal(20040731, Index.DescriptionEffectiveTimeOf(2476421016)); // "Lesion finding"
        Assert.Null(Index.DescriptionEffectiveTimeOf(1));
    }

    [Fact]
    public void Every_member_row_is_kept_with_its_named_fields()
    {
        // der2_cRefset_AttributeValueSnapshot: 900000000000490003 has four active rows and one inactive (20030131, …483008)
        var rows = Index.AllRefsetMembers(900000000000490003);
        Assert.Equal(5, rows.Count);
        var inactive = Assert.Single(rows, m => !m.Active);
        Assert.Equal(20030131, inactive.EffectiveTime);
        Assert.Equal(220306011, inactive.ReferencedComponentId);
        Assert.Equal("900000000000483008", inactive.Field("valueId"));
        Assert.Equal(["valueId"], inactive.FieldNames);

        var association = Assert.Single(Index.AllRefsetMembers(900000000000526001));
        Assert.Equal("404684003", association.Field("targetComponentId"));
        Assert.Equal("246188002", association.Field("referencedComponentId"));
        Assert.Equal("20040131", association.Field("effectiveTime"));
        Assert.Equal(900000000000207008, association.ModuleId);
        Assert.Null(association.Field("mapTarget"));

        // der2_ciRefset_DescriptionTypeSnapshot and der2_ssRefset_ModuleDependencySnapshot
        Assert.All(Index.AllRefsetMembers(900000000000538005), m => Assert.Equal("255", m.Field("descriptionLength")));
        Assert.Equal("20140131", Assert.Single(Index.AllRefsetMembers(900000000000534007)).Field("sourceEffectiveTime"));
    }

    [Fact]
    public void The_public_refset_lookups_keep_to_active_simple_association_and_map_rows()
    {
        Assert.Empty(Index.RefsetMembers(900000000000490003));
        Assert.Equal(3, Index.RefsetMembers(900000000000523009).Count);
        Assert.DoesNotContain(Index.MembershipsOf(118225008), m => m.RefsetId == 900000000000489007);
    }
}
