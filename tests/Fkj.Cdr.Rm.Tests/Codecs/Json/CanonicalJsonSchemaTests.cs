using Fkj.Cdr.Rm.Codecs.Json;
using Fkj.Cdr.Rm.Content;
using Fkj.Cdr.Testing;

namespace Fkj.Cdr.Rm.Tests.Codecs.Json;

/// <summary>What the encoder writes must satisfy the published ITS-JSON schemas.</summary>
public class CanonicalJsonSchemaTests
{
    private const string Folder = "openehr/ehrbase-sdk-test-data/composition/canonical_json";

    /// <summary>
    /// Inputs whose DV_INTERVALs omit lower_included/upper_included. The schema requires them; we keep
    /// such data as it was sent (see DvInterval), so the re-encoded document lacks them too.
    /// </summary>
    private static readonly HashSet<string> IntervalsWithoutInclusionFlags =
        ["all_types_no_multimedia.json", "all_types_systematic_tests.json", "datetime_tests.json"];

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Fixtures.Files(Folder, "*.json"))
        {
            var name = Path.GetFileName(file);
            if (!CanonicalJsonRoundTripTests.NotCanonical.ContainsKey(name) && !IntervalsWithoutInclusionFlags.Contains(name))
                data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Encoded_composition_is_valid_against_the_its_json_schema(string file)
    {
        var composition = CanonicalJson.Decode<Composition>(File.ReadAllBytes(Fixtures.Path(Folder, file)));
        Assert.Empty(ItsJsonSchema.Validate(CanonicalJson.Encode(composition)));
    }

    [Fact]
    public void The_schema_check_itself_catches_a_broken_document()
    {
        var composition = CanonicalJson.Decode<Composition>(File.ReadAllBytes(Fixtures.Path(Folder, "minimal_observation.json")));
        composition.Language = null!;
        Assert.NotEmpty(ItsJsonSchema.Validate(CanonicalJson.Encode(composition)));
    }
}
