using System.Text.Json;
using Fkj.Cdr.Rm.Codecs;
using Fkj.Cdr.Rm.Codecs.Json;
using Fkj.Cdr.Templates.Flat;
using Xunit.Abstractions;

namespace Fkj.Cdr.Templates.Tests.Flat;

/// <summary>
/// Every STRUCTURED composition of the fixtures: STRUCTURED → canonical → STRUCTURED gives the same FLAT keys
/// (as <see cref="StructuredToFlat"/> spells them, under <see cref="FlatKeyComparison"/>'s normalisations), reads
/// back unchanged, validates, and decodes to the same composition as its FLAT twin where the fixtures have one.
/// </summary>
public class StructuredFixtureRoundTripTests(ITestOutputHelper output)
{
    private const string Integration = "openehr/ehrbase-integration-tests/compositions/";
    private const string Sdk = "openehr/ehrbase-sdk-test-data/composition/flat/";

    /// <summary>
    /// STRUCTURED file → its FLAT twin, whose template it shares. The SDK's two are the same composition in both
    /// formats (the SDK's own test says so); the integration tests' twins have the same structure but their own random values.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Twins = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        [Integration + "STRUCTURED/consult_record__.json"] = Integration + "FLAT/consult_record__.json",
        [Integration + "STRUCTURED/family_history.v2__.json"] = Integration + "FLAT/family_history.v2__.json",
        [Integration + "STRUCTURED/family_history__.json"] = Integration + "FLAT/family_history__.json",
        [Integration + "STRUCTURED/family_history__with_uid.json"] = Integration + "FLAT/family_history__with_uid.json",
        [Integration + "STRUCTURED/nested.en.v1__full.json"] = Integration + "FLAT/nested.en.v1__full.json",
        [Integration + "STRUCTURED/nested.en.v1__invalid_wrong_structure.json"] = Integration + "FLAT/nested.en.v1__invalid_wrong_structure.json",
        [Integration + "STRUCTURED/persistent_minimal.en.v1__full.json"] = Integration + "FLAT/persistent_minimal.en.v1__full.json",
        [Integration + "STRUCTURED/persistent_minimal.en.v1__invalid_wrong_structure.json"] = Integration + "FLAT/persistent_minimal.en.v1__invalid_wrong_structure.json",
        [Sdk + "structured/corona.json"] = Sdk + "simSDT/corona.json",
        [Sdk + "structured/multi_list.json"] = Sdk + "simSDT/multi_list.json",
        ["openehr/ehrbase-integration-tests/flat_compositions/minimal_action.en.v1.instance_structured_input_1.json"] =
            "openehr/ehrbase-integration-tests/flat_compositions/minimal_action.en.v1.instance_flat_input_1.json",
    };

    /// <summary>The STRUCTURED files that are refused, as their FLAT twins are: reason, first error code and path.</summary>
    internal static readonly IReadOnlyDictionary<string, FlatFixtures.Refusal> Refused = new Dictionary<string, FlatFixtures.Refusal>
    {
        [Integration + "STRUCTURED/nested.en.v1__invalid_wrong_structure.json"] = new(
            "not JSON: the root object's braces are missing (EHRbase's negative test)", FlatErrorCodes.Syntax, ""),
        [Integration + "STRUCTURED/persistent_minimal.en.v1__invalid_wrong_structure.json"] = new(
            "not JSON: the root object's braces are missing (EHRbase's negative test)", FlatErrorCodes.Syntax, ""),
        [Integration + "STRUCTURED/nested.en.v1__full.json"] = new(
            "'|terminology_id' is no FLAT suffix, as in its FLAT twin", FlatErrorCodes.UnknownSuffix, "nesting/nested/nested/current_activity/ordinal|terminology_id"),
    };

    public static TheoryData<string> Files => Support.OptFixtures.AsTheoryData(Twins.Keys);

    [Theory]
    [MemberData(nameof(Files))]
    public void A_fixture_round_trips_and_matches_its_flat_twin(string file)
    {
        var twin = Twins[file];
        var compiled = FlatFixtures.Template(FlatFixtures.Templates[twin]);
        var input = FlatFixtures.Read(file);
        if (Refused.TryGetValue(file, out var refusal))
        {
            var error = Assert.Throws<RmFormatException>(() => StructuredComposition.Decode(input, compiled.WebTemplate, FlatFixtures.Options));
            Assert.DoesNotContain(error.Errors, e => e.Code == "internal_error");
            Assert.Contains(error.Errors, e => e.Code == refusal.Code && e.Path == refusal.Path);
            return;
        }

        var composition = StructuredComposition.Decode(input, compiled.WebTemplate, FlatFixtures.Options);
        var canonical = CanonicalJson.Encode(composition);
        var structured = StructuredComposition.Encode(composition, compiled.WebTemplate);

        using (var before = JsonDocument.Parse(input))
        using (var after = JsonDocument.Parse(structured))
        {
            var differences = FlatKeyComparison.Differences(compiled.Schema, StructuredToFlat.Convert(before.RootElement), StructuredToFlat.Convert(after.RootElement));
            Assert.True(differences.Count == 0, $"{file}:{Environment.NewLine}{string.Join(Environment.NewLine, differences)}");
        }

        var again = StructuredComposition.Decode(structured, compiled.WebTemplate, FlatFixtures.Options);
        Assert.Equal(canonical, CanonicalJson.Encode(again));

        if (file.StartsWith(Sdk, StringComparison.Ordinal))
        {
            // The same composition as FLAT: the same canonical form.
            var fromFlat = FlatComposition.Decode(FlatFixtures.Read(twin), compiled.WebTemplate, FlatFixtures.Options);
            using var a = JsonDocument.Parse(canonical);
            using var b = JsonDocument.Parse(CanonicalJson.Encode(fromFlat));
            var differences = Fkj.Cdr.Testing.JsonTreeComparer.Differences(b.RootElement, a.RootElement);
            Assert.True(differences.Count == 0, $"{file} against {twin}:{Environment.NewLine}{string.Join(Environment.NewLine, differences)}");
        }

        // The FLAT written for the composition has the keys of the STRUCTURED written for it.

        using (var flatKeys = JsonDocument.Parse(FlatComposition.Encode(composition, compiled.WebTemplate)))
        using (var structuredKeys = JsonDocument.Parse(structured))
        {
            var differences = FlatKeyComparison.Differences(compiled.Schema, flatKeys.RootElement, StructuredToFlat.Convert(structuredKeys.RootElement));
            Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
        }

        var result = compiled.Validator.Value.Validate(composition);
        if (FlatFixtures.NotValid.TryGetValue(twin, out var invalidity))
        {
            Assert.False(result.IsValid, invalidity.Reason);
            return;
        }

        Assert.True(result.IsValid, $"{file}:{Environment.NewLine}{result}");
    }

    [Fact]
    public void The_fixture_counts_are_as_reported()
    {
        output.WriteLine($"STRUCTURED fixtures: {Twins.Count}; round-tripped: {Twins.Count - Refused.Count}; refused: {Refused.Count}");
        Assert.Equal(11, Twins.Count);
        Assert.Equal(8, Twins.Count - Refused.Count);
    }
}
