using Fkj.Cdr.Rm.Codecs.Json;
using Fkj.Cdr.Rm.Content;
using Fkj.Cdr.Rm.DataStructures;
using Fkj.Cdr.Rm.DataTypes;
using Fkj.Cdr.Templates.Examples;
using Fkj.Cdr.Templates.Tests.Support;
using Fkj.Cdr.Templates.Tests.Validation;
using Fkj.Cdr.Templates.Validation;

namespace Fkj.Cdr.Templates.Tests.Examples;

/// <summary>For every valid fixture OPT, the example composition validates against its template and round-trips through canonical JSON.</summary>
public class ExampleCompositionTests
{
    /// <summary>
    /// Templates no composition can satisfy, so neither can their example. Both are the same section
    /// cardinality test: content's cardinality is 1..1, but its SECTION constraints have occurrences
    /// 1..1, 3..* and 3..5 (8 sections at least).
    /// </summary>
    public static readonly Dictionary<string, string> Unsatisfiable = new()
    {
        ["openehr/ehrbase-integration-tests/valid_templates/validation/cardinality_of_section.opt"] = "content cardinality 1..1, but mandatory section occurrences add up to 8",
        ["openehr/ehrbase-sdk-test-data/operationaltemplate/section_cardinality.opt"] = "content cardinality 1..1, but mandatory section occurrences add up to 8",
    };

    public static TheoryData<string> Valid => OptFixtures.AsTheoryData(OptFixtures.Valid());

    [Theory]
    [MemberData(nameof(Valid))]
    public void The_example_of_a_fixture_template_validates_and_round_trips(string file)
    {
        var template = ValidationFixtures.Parse(file);
        var example = ExampleComposition.Create(template);

        var bytes = CanonicalJson.Encode(example);
        var decoded = CanonicalJson.Decode<Composition>(bytes);
        Assert.Equal(bytes, CanonicalJson.Encode(decoded));

        var result = TemplateValidator.Compile(template).Validate(decoded);
        if (Unsatisfiable.TryGetValue(file, out var reason))
        {
            Assert.False(result.IsValid, reason);
            Assert.All(result.Errors, e => Assert.Equal(ValidationErrorCodes.Cardinality, e.Code));
            return;
        }

        Assert.True(result.IsValid, $"{file}:{Environment.NewLine}{result}");
    }

    [Fact]
    public void The_vital_signs_example_is_valid_deterministic_and_plausible()
    {
        var validator = ValidationFixtures.VitalSigns();
        var first = ExampleComposition.Create(validator.Template, "nb");
        var second = ExampleComposition.Create(validator.Template, "nb");
        Assert.Equal(CanonicalJson.Encode(first), CanonicalJson.Encode(second));
        Assert.True(validator.Validate(first).IsValid, validator.Validate(first).ToString());

        Assert.Equal("fkj.vital_signs_news2.v1", first.ArchetypeDetails!.TemplateId!.Value);
        Assert.Equal(("ISO_639-1", "nb"), (first.Language.TerminologyId.Value, first.Language.CodeString));
        Assert.Equal(("ISO_3166-1", "NO"), (first.Territory.TerminologyId.Value, first.Territory.CodeString));
        Assert.Equal("433", first.Category.DefiningCode.CodeString);
        Assert.Equal("2025-01-01T12:00:00Z", first.Context!.StartTime.Value);

        // NEWS2 (occurrences 1..1) is the one mandatory observation; its mandatory items carry the first option of each list.
        var news2 = Assert.Single(first.Content!);
        Assert.Equal("openEHR-EHR-OBSERVATION.news2.v1", news2.ArchetypeNodeId);
        var items = ((ItemTree)((Observation)news2).Data.Events![0].Data).Items!;
        Assert.All(items, i => Assert.NotNull(((Element)i).Value));
        Assert.Contains(items, i => ((Element)i).Value is DvOrdinal);
        Assert.Contains(items, i => ((Element)i).Value is DvCount);
    }

    [Fact]
    public void The_example_takes_names_from_the_language_asked_for()
    {
        var template = ValidationFixtures.VitalSigns().Template;
        var english = ExampleComposition.Create(template, "en", new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero));
        var norwegian = ExampleComposition.Create(template, "nb");
        Assert.NotEqual(english.Name.Value, norwegian.Name.Value);
        Assert.Equal("2024-05-06T07:08:09Z", english.Context!.StartTime.Value);
        Assert.True(ValidationFixtures.VitalSigns().Validate(english).IsValid);
    }
}
