using System.Text.Json;
using Fkj.Cdr.Load.Compositions;
using Fkj.Cdr.Load.Crash;
using Fkj.Cdr.Rm.Codecs.Json;
using Fkj.Cdr.Rm.Content;
using Fkj.Cdr.Storage.Records;

namespace Fkj.Cdr.Load.Tests.Crash;

public sealed class MarkedBodiesTests
{
    private static readonly IReadOnlyList<CompositionBody> Variants =
        VitalSignsVariants.Generate(File.ReadAllBytes(VitalSignsVariants.DefaultSourcePath), 4, seed: 2);

    [Fact]
    public void A_body_is_its_variant_with_the_marker_as_feeder_message_id_and_nothing_else_changed()
    {
        var bodies = new MarkedBodies(Variants);
        var marker = Guid.Parse("5d1c2a9e-6f1b-4c4e-9a53-0e7f3d2b8c11");

        var body = bodies.Body(2, marker);

        using var json = JsonDocument.Parse(body);
        Assert.Equal(marker.ToString("D"), json.RootElement.GetProperty("feeder_audit").GetProperty("feeder_system_item_ids")[0].GetProperty("id").GetString());
        // Put the variant's own id back, and the bytes are the variant's: the marker is all that changed.
        Assert.Equal(Variants[2].Utf8, Rewrite(body, marker, Variants[2].Utf8));
        Assert.NotEqual(bodies.Body(2, Guid.NewGuid()), body);
    }

    [Fact]
    public void The_expected_leaf_rows_are_those_the_query_index_lists_and_the_marker_changes_none()
    {
        var bodies = new MarkedBodies(Variants);
        for (var i = 0; i < Variants.Count; i++)
        {
            var marked = LeafIndex.Extract(CanonicalJson.Decode<Composition>(bodies.Body(i, Guid.NewGuid())));
            Assert.Equal(marked.Count, bodies.LeafCount(i));
            Assert.True(bodies.LeafCount(i) > 40, $"{bodies.LeafCount(i)} leaf values in a vital-signs composition");
        }
    }

    [Fact]
    public void A_composition_without_a_feeder_message_id_cannot_be_marked()
    {
        var plain = JsonSerializer.SerializeToUtf8Bytes(new { _type = "COMPOSITION", archetype_node_id = "openEHR-EHR-COMPOSITION.encounter.v1" });
        var error = Assert.Throws<LoadSetupException>(() => new MarkedBodies([new CompositionBody(plain, "")]));
        Assert.Contains("feeder_system_item_ids", error.Message);
    }

    private static byte[] Rewrite(byte[] body, Guid marker, byte[] original)
    {
        var originalId = JsonDocument.Parse(original).RootElement.GetProperty("feeder_audit").GetProperty("feeder_system_item_ids")[0].GetProperty("id").GetString()!;
        return System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(body).Replace(marker.ToString("D"), originalId, StringComparison.Ordinal));
    }
}
