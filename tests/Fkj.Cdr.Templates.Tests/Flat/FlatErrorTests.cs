using System.Text;
using Fkj.Cdr.Rm.Codecs;
using Fkj.Cdr.Templates.Flat;
using static Fkj.Cdr.Templates.Tests.Flat.FlatKit;

namespace Fkj.Cdr.Templates.Tests.Flat;

/// <summary>
/// Documents that are not FLAT of the template: every problem is reported at once, each with its FLAT key as
/// path and its line and column; nothing else escapes (hostile input included).
/// </summary>
public class FlatErrorTests
{
    private const string Header = "\"ctx/language\": \"nb\", \"ctx/territory\": \"NO\", \"ctx/composer_name\": \"K\",";
    private const string Bp = "vitale_parametre_og_news2/blodtrykk";

    private static IReadOnlyList<RmFormatError> VitalErrors(string keys) => Errors(VitalSigns, $$"""{ {{Header}} {{keys}} }""");

    [Fact]
    public void Every_problem_is_reported_at_once_with_its_key_line_and_column()
    {
        var errors = Errors(VitalSigns, $$"""
            { {{Header}}
              "{{Bp}}/systolisk|magnitude": "high",
              "{{Bp}}/systolisk|colour": "red",
              "{{Bp}}/nonsense|code": "x",
              "{{Bp}}/diastolisk|magnitude": { "value": 80 },
              "vital_signs/blodtrykk/systolisk|magnitude": 1
            }
            """);
        Assert.Equal(
            [
                ("invalid_value", $"{Bp}/systolisk|magnitude", 2L),
                ("unknown_suffix", $"{Bp}/systolisk|colour", 3L),
                ("unknown_path", $"{Bp}/nonsense|code", 4L),
                ("wrong_value_kind", $"{Bp}/diastolisk|magnitude", 5L),
                ("unknown_path", "vital_signs/blodtrykk/systolisk|magnitude", 6L),
            ],
            errors.Select(e => (e.Code, e.Path, e.Line)));
        Assert.All(errors, e => Assert.Equal(3, e.Column));
    }

    [Fact]
    public void A_plain_value_where_the_type_takes_suffixes_and_a_boolean_magnitude()
    {
        var errors = VitalErrors($$""" "{{Bp}}/systolisk": 120, "{{Bp}}/diastolisk|magnitude": true, "{{Bp}}/diastolisk|unit": "mm[Hg]" """);
        Assert.Contains(errors, e => e is { Code: "unknown_suffix", Path: $"{Bp}/systolisk" });
        Assert.Contains(errors, e => e is { Code: "wrong_value_kind", Path: $"{Bp}/diastolisk|magnitude" });
    }

    [Fact]
    public void The_same_path_twice_and_an_index_on_a_node_that_occurs_once()
    {
        var errors = VitalErrors($$""" "{{Bp}}/systolisk|magnitude": 120, "{{Bp}}:0/systolisk|magnitude": 121, "{{Bp}}:1/diastolisk|magnitude": 80 """);
        Assert.Contains(errors, e => e is { Code: "duplicate_key", Path: $"{Bp}:0/systolisk|magnitude" });
        Assert.Contains(errors, e => e is { Code: "index_not_allowed", Path: $"{Bp}:1/diastolisk|magnitude" });
    }

    [Fact]
    public void Malformed_keys_are_located()
    {
        var errors = VitalErrors($$""" "{{Bp}}:x/systolisk|magnitude": 1, "{{Bp}}|a/systolisk": 1, "{{Bp}}/systolisk|": 1, "": 1 """);
        Assert.Equal(4, errors.Count);
        Assert.All(errors, e => Assert.True(e.Code is "unknown_path" or "unknown_suffix", e.ToString()));
    }

    [Fact]
    public void A_code_outside_the_list_and_missing_parts()
    {
        var errors = Errors(AllTypes, $$"""
            { {{AllTypesHeader}}
              "test_all_types/context/context_coded_text": "nothing like it",
              "test_all_types/test_all_types:0/ordinal|code": "at9999",
              "test_all_types/test_all_types:0/quantity|unit": "mg",
              "test_all_types/test_all_types:0/multimedia_any": "x",
              "test_all_types/test_all_types:0/proportion_any|numerator": 1
            }
            """);
        Assert.Contains(errors, e => e is { Code: "invalid_value", Path: "test_all_types/context/context_coded_text" });
        Assert.Contains(errors, e => e is { Code: "invalid_value", Path: "test_all_types/test_all_types:0/ordinal|code" });
        Assert.Contains(errors, e => e is { Code: "missing_attribute", Path: "test_all_types/test_all_types:0/quantity|magnitude" });
        Assert.Contains(errors, e => e is { Code: "missing_attribute", Path: "test_all_types/test_all_types:0/multimedia_any|mediatype" });
        Assert.Contains(errors, e => e is { Code: "missing_attribute", Path: "test_all_types/test_all_types:0/proportion_any|denominator" });
    }

    [Fact]
    public void Two_alternatives_of_one_element_conflict()
    {
        var errors = Errors(AllTypes, $$"""
            { {{AllTypesHeader}} "test_all_types/test_all_types2:0/choice/count_value": 4,
              "test_all_types/test_all_types2:0/choice/quantity_value|magnitude": 1, "test_all_types/test_all_types2:0/choice/quantity_value|unit": "mm[Hg]" }
            """);
        Assert.Contains(errors, e => e.Code == "conflicting_values");
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("[]", "a FLAT document is a JSON object")]
    [InlineData("{ \"a\": 1 } { }", "invalid after a single JSON value")]
    [InlineData("{ \"a\": 1, ", "")]
    [InlineData("\"text\"", "a FLAT document is a JSON object")]
    public void Syntax_errors_stop_at_once(string json, string message)
    {
        var errors = Errors(VitalSigns, json);
        var error = Assert.Single(errors);
        Assert.Equal("syntax", error.Code);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_is_a_syntax_error()
    {
        var bytes = Encoding.UTF8.GetBytes("{ \"ctx/language\": \"nb\" }");
        bytes[19] = 0xC3;
        var error = Assert.Throws<RmFormatException>(() => FlatComposition.Decode(bytes, VitalSigns.WebTemplate, FlatFixtures.Options));
        Assert.Equal("syntax", Assert.Single(error.Errors).Code);
    }

    [Fact]
    public void Structured_errors_carry_the_flat_key()
    {
        var error = Assert.Throws<RmFormatException>(() => StructuredComposition.Decode(Encoding.UTF8.GetBytes("""
            { "ctx": { "language": "nb", "territory": "NO", "composer_name": "K" },
              "vitale_parametre_og_news2": { "blodtrykk": [ { "systolisk": [ { "|magnitude": "high" } ], "puls": [ 1 ] } ] } }
            """), VitalSigns.WebTemplate, FlatFixtures.Options));
        Assert.Contains(error.Errors, e => e is { Code: "invalid_value", Path: $"{Bp}/systolisk|magnitude", Line: 2 });
        Assert.Contains(error.Errors, e => e is { Code: "unknown_path", Path: $"{Bp}/puls" });
    }

    [Fact]
    public void Hostile_documents_are_refused_cleanly()
    {
        string[] documents =
        [
            $$"""{ {{Header}} "{{string.Join("/", Enumerable.Repeat("a", 5000))}}": 1 }""",
            $$"""{ {{Header}} "{{Bp}}/systolisk:99999999999|magnitude": 1 }""",
            $$"""{ {{Header}} "vitale_parametre_og_news2/{{string.Join("/", Enumerable.Repeat("_feeder_audit", 200))}}|x": 1 }""",
            $$"""{ {{Header}} "{{Bp}}/systolisk|magnitude": 1e400, "{{Bp}}/systolisk|unit": "mm[Hg]" }""",
            $$"""{ {{Header}} "vitale_parametre_og_news2/news2-skår/totalskår": 1e30 }""",
            $$"""{ {{Header}} "vitale_parametre_og_news2/blodtrykk/systolisk|raw": "{ not json" }""",
            $$"""{ {{Header}} "vitale_parametre_og_news2/blodtrykk|raw": "{\"_type\": \"OBSERVATION\", \"name\": 3}" }""",
            "{ " + string.Join(", ", Enumerable.Range(0, 20000).Select(i => $"\"vitale_parametre_og_news2/x{i}\": {i}")) + " }",
            new string('[', 10000),
        ];
        foreach (var document in documents)
        {
            var error = Assert.Throws<RmFormatException>(() => FlatComposition.Decode(Encoding.UTF8.GetBytes(document), VitalSigns.WebTemplate, FlatFixtures.Options));
            Assert.DoesNotContain(error.Errors, e => e.Code == "internal_error");
            Assert.True(error.Errors.Count <= 1000);
        }

        var deep = "{ \"vitale_parametre_og_news2\": " + string.Concat(Enumerable.Repeat("{ \"a\": ", 300)) + "1" + new string('}', 301);
        var structured = Assert.Throws<RmFormatException>(() => StructuredComposition.Decode(Encoding.UTF8.GetBytes(deep), VitalSigns.WebTemplate, FlatFixtures.Options));
        Assert.DoesNotContain(structured.Errors, e => e.Code == "internal_error");
    }

    [Fact]
    public void Mutated_fixtures_only_ever_give_located_errors()
    {
        // Every key of a rich fixture with its value made an object, null, a number, a boolean, a wrong string; keys cut short.
        const string file = "openehr/ehrbase-sdk-test-data/composition/flat/simSDT/conformance/ehrbase_conformance_observation.json";
        var compiled = FlatFixtures.Template(FlatFixtures.Templates[file]);
        var original = System.Text.Json.Nodes.JsonNode.Parse(FlatFixtures.Read(file))!.AsObject();
        string[] replacements = ["{}", "null", "-1.5", "true", "\"\"", "\"x\"", "[1]", "1e308"];
        var random = new Random(7);
        for (var round = 0; round < 400; round++)
        {
            var mutated = new System.Text.Json.Nodes.JsonObject();
            foreach (var (key, value) in original)
            {
                var roll = random.Next(10);
                var newKey = roll == 0 && key.Length > 3 ? key[..random.Next(1, key.Length)] : key;
                var newValue = roll == 1 ? System.Text.Json.Nodes.JsonNode.Parse(replacements[random.Next(replacements.Length)]) : value?.DeepClone();
                mutated[newKey] = newValue;
            }

            try
            {
                FlatComposition.Decode(Encoding.UTF8.GetBytes(mutated.ToJsonString()), compiled.WebTemplate, FlatFixtures.Options);
            }
            catch (RmFormatException e)
            {
                Assert.DoesNotContain(e.Errors, error => error.Code == "internal_error" ? throw new Xunit.Sdk.XunitException(error.Message) : false);
            }
        }
    }
}
