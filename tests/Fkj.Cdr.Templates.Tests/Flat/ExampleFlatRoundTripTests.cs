using System.Text.Json;
using System.Text.Json.Nodes;
using Fkj.Cdr.Rm.Codecs.Json;
using Fkj.Cdr.Templates.Examples;
using Fkj.Cdr.Templates.Flat;
using Fkj.Cdr.Templates.Tests.Support;
using Fkj.Cdr.Testing;

namespace Fkj.Cdr.Templates.Tests.Flat;

/// <summary>
/// canonical → FLAT → canonical (and → STRUCTURED → canonical) for the example composition of every fixture OPT
/// and of the project's template: the composition read back agrees with the example as a JSON tree. One
/// normalisation: siblings of different template nodes in one list are compared in node-id order, since FLAT
/// keys have no order and the decoder places objects in template order (the example puts mandatory nodes first);
/// occurrences of one node keep their order.
/// </summary>
public class ExampleFlatRoundTripTests
{
    /// <summary>
    /// Templates whose example FLAT cannot carry whole: it has a container with nothing in it (a mandatory SECTION
    /// whose items are all optional), and FLAT, which only has keys for values, has no key for an empty container.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> EmptyContainers = new Dictionary<string, string>
    {
        ["openehr/ehrbase-integration-tests/valid_templates/all_types/International_Patient_Summary.opt"] = "mandatory sections with only optional entries",
        ["openehr/ehrbase-integration-tests/valid_templates/all_types/medications_statement.v0.opt"] = "a mandatory section with only optional entries",
        ["openehr/ehrbase-integration-tests/valid_templates/validation/cardinality_of_section.opt"] = "mandatory sections with nothing inside",
        ["openehr/ehrbase-integration-tests/valid_templates/validation/composition_evaluation_test.opt"] = "two of its six mandatory sections have nothing inside",
        ["openehr/ehrbase-sdk-test-data/operationaltemplate/IDCR - Problem List.v1.opt"] = "a mandatory section with only optional entries",
        ["openehr/ehrbase-sdk-test-data/operationaltemplate/ips.v0.opt"] = "mandatory sections with only optional entries",
        ["openehr/ehrbase-sdk-test-data/operationaltemplate/section_cardinality.opt"] = "mandatory sections with nothing inside",
    };

    public static TheoryData<string> Templates()
    {
        var data = OptFixtures.AsTheoryData(OptFixtures.Valid());
        data.Add(FlatFixtures.VitalSignsKey);
        return data;
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void The_example_reads_back_from_flat_and_structured(string file)
    {
        var compiled = FlatFixtures.Template(file);
        var example = ExampleComposition.Create(compiled.Template);
        var expected = Normalise(CanonicalJson.Encode(example));

        var flat = FlatComposition.Encode(example, compiled.WebTemplate);
        var fromFlat = FlatComposition.Decode(flat, compiled.WebTemplate, FlatFixtures.Options);
        var structured = StructuredComposition.Encode(example, compiled.WebTemplate);
        var fromStructured = StructuredComposition.Decode(structured, compiled.WebTemplate, FlatFixtures.Options);
        Assert.Equal(CanonicalJson.Encode(fromFlat), CanonicalJson.Encode(fromStructured));

        var differences = JsonTreeComparer.Differences(expected, Normalise(CanonicalJson.Encode(fromFlat)));
        if (EmptyContainers.TryGetValue(file, out var reason))
        {
            Assert.True(differences.Count > 0, $"{file} is listed ({reason}) but reads back whole");
            Assert.All(differences, d => Assert.Contains("/content", d));
            return;
        }

        Assert.True(differences.Count == 0, $"{file}:{Environment.NewLine}{string.Join(Environment.NewLine, differences)}");
    }

    /// <summary>The canonical JSON with list items of different node ids in node-id order (stable: one node's occurrences keep theirs).</summary>
    private static JsonElement Normalise(byte[] canonical)
    {
        var node = JsonNode.Parse(canonical)!;
        Sort(node);
        return JsonDocument.Parse(node.ToJsonString()).RootElement.Clone();
    }

    private static void Sort(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, child) in o.ToList()) Sort(child);
                break;
            case JsonArray a:
                foreach (var child in a) Sort(child);
                if (a.All(i => i is JsonObject io && io.ContainsKey("archetype_node_id")))
                {
                    var sorted = a.OrderBy(i => (string?)i!["archetype_node_id"], StringComparer.Ordinal).Select(i => i!.DeepClone()).ToList();
                    a.Clear();
                    foreach (var item in sorted) a.Add(item);
                }

                break;
        }
    }
}
