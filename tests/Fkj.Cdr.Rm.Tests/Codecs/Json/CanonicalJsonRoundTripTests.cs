using System.Text.Json;
using Fkj.Cdr.Rm.Codecs;
using Fkj.Cdr.Rm.Codecs.Json;
using Fkj.Cdr.Rm.Content;
using Fkj.Cdr.Testing;

namespace Fkj.Cdr.Rm.Tests.Codecs.Json;

/// <summary>
/// Every canonical JSON composition in the shared fixtures goes input → RM → output and must come
/// back as the same tree. Files that are not canonical JSON at all are listed in
/// <see cref="NotCanonical"/> with the reason, and must be refused with a located error instead.
/// </summary>
public class CanonicalJsonRoundTripTests
{
    public static readonly string[] Folders =
    [
        "openehr/ehrbase-integration-tests/compositions/CANONICAL_JSON",
        "openehr/ehrbase-sdk-test-data/composition/canonical_json",
        "openehr/ehrbase-integration-tests/aql/data_load/compositions",
    ];

    /// <summary>Fixture files that are not valid canonical JSON compositions, and why.</summary>
    public static readonly Dictionary<string, string> NotCanonical = new()
    {
        ["nested.en.v1__invalid_wrong_structure.json"] = "not a JSON object: two bare values at the root",
        ["persistent_minimal.en.v1__invalid_wrong_structure.json"] = "not a JSON object: two bare values at the root",
        ["family_history.v.1.2.3__.json"] = "EVALUATION has no attribute time_asserted in RM 1.1",
        ["Test_dv_ordinal_open_constraint.v0__.json"] = "DV_ORDINAL.symbol carries \"type\" where \"_type\" is meant",
        ["all_types_systematic_tests_feeder_audit.json"] = "feeder_system_audit placed on INSTRUCTION and ADMIN_ENTRY instead of inside their feeder_audit",
        ["invalid.json"] = "_type values EVENT_CONTEXT_WRONG and OBSERVATIONXXXX… are not RM types",
        ["composition_with_dvinterval_composite.json"] = "EtherCIS raw path-keyed format (\"/content[...]\", \"/$CLASS$\"), not ITS-JSON",
        ["full_composition.json"] = "EtherCIS raw path-keyed format with \"@class\", not ITS-JSON",
        ["rawdb_composition.json"] = "EtherCIS raw path-keyed format, not ITS-JSON",
        ["rawdb_composition_history.json"] = "EtherCIS raw path-keyed format, not ITS-JSON",
        ["rawdb_composition_observation_event.json"] = "EtherCIS raw path-keyed format, not ITS-JSON",
        ["rawdb_composition_observation_event_item.json"] = "a JSON array of raw path-keyed nodes, not a composition",
        ["rawdb_returning_array.json"] = "a JSON array of raw path-keyed nodes, not a composition",
    };

    public static TheoryData<string> CompositionFiles()
    {
        var data = new TheoryData<string>();
        foreach (var folder in Folders)
        foreach (var file in Fixtures.Files(folder, "*.json"))
            data.Add(Path.GetRelativePath(Fixtures.Root, file));
        return data;
    }

    [Theory]
    [MemberData(nameof(CompositionFiles))]
    public void Composition_round_trips_or_is_a_known_invalid_fixture(string file)
    {
        var input = File.ReadAllBytes(Fixtures.Path(file));
        if (NotCanonical.ContainsKey(Path.GetFileName(file)))
        {
            var error = Assert.Throws<RmFormatException>(() => CanonicalJson.Decode<Composition>(input));
            Assert.All(error.Errors, e => Assert.True(e.Line >= 1 && e.Column >= 1));
            return;
        }

        var composition = CanonicalJson.Decode<Composition>(input);
        var output = CanonicalJson.Encode(composition);

        using var expected = JsonDocument.Parse(input.AsMemory(input.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0));
        using var actual = JsonDocument.Parse(output);
        Assert.Empty(JsonTreeComparer.Differences(expected.RootElement, actual.RootElement));
    }
}
