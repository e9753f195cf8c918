using System.Text;
using System.Text.Json.Nodes;
using Fkj.Cdr.Rm.Codecs;
using Fkj.Cdr.Rm.Codecs.Json;
using Fkj.Cdr.Rm.Content;
using Fkj.Cdr.Templates.Validation;

namespace Fkj.Cdr.Templates.Tests.Validation;

/// <summary>
/// The 28 <c>Test_dv_*</c> data-type templates of the EHRbase integration tests, each with its one
/// fixture composition. The fixture set has no separate invalid compositions: the EHRbase suite edits
/// the one composition per case (its three events carry the same ELEMENT). So each template gets a
/// valid and at least one invalid variant here, made by the edit written next to it. Which fixtures are
/// valid as they stand, and every expected error path, was worked out by reading the OPT and the data,
/// not by running the validator:
/// <list type="bullet">
/// <item>valid as shipped: 19 of them;</item>
/// <item>invalid as shipped, in all three events: boolean_true_false (false, C_BOOLEAN true only),
/// count_range (25 outside 10..20), multimedia (application/dicom, list is application/pdf),
/// parsable (formalism abc, list is text/plain);</item>
/// <item>invalid in the first event only (the EHRbase suite edits events[0]): interval_count_lower_upper and
/// interval_quantity_lower_upper (-10..200 outside 0..100), interval_count_open and interval_quantity_open
/// (lower 200 above upper 100), proportion_open (type 898), proportion_precision_1 (integer fraction over 500.5);</item>
/// <item>not decodable: ordinal_open, whose symbol says "type" for "_type" (a decode failure is the rejection).</item>
/// </list>
/// </summary>
public class TestDvTemplateTests
{
    private const string Obs = "/content[openEHR-EHR-OBSERVATION.test123.v0]/data[at0001]";

    /// <summary>The path of the ELEMENT in event <paramref name="e"/> (1-based; the three events share node id at0002).</summary>
    private static string Item(int e, string at) => $"{Obs}/events[at0002,{e}]/data[at0003]/items[{at}]";

    private static string[] InAllEvents(string at, string suffix) => [Item(1, at) + suffix, Item(2, at) + suffix, Item(3, at) + suffix];

    public sealed record Case(string Template, string Variant, Action<JsonNode>? Edit, string[] Paths, string? Code, bool Undecodable = false, Func<string, string>? Text = null)
    {
        public override string ToString() => $"{Template} — {Variant}";
    }

    private static JsonObject Element(JsonNode doc, int e) => doc["content"]![0]!["data"]!["events"]![e]!["data"]!["items"]![0]!.AsObject();

    private static JsonObject Value(JsonNode doc, int e) => Element(doc, e)["value"]!.AsObject();

    private static Action<JsonNode> Events(Action<JsonObject> edit) => doc =>
    {
        for (var e = 0; e < 3; e++) edit(Value(doc, e));
    };

    private static Action<JsonNode> First(Action<JsonObject> edit) => doc => edit(Value(doc, 0));

    private static Action<JsonNode> Replace(int e, string json) => doc => Element(doc, e)["value"] = JsonNode.Parse(json);

    private static Case Valid(string template, string variant = "fixture as shipped", Action<JsonNode>? edit = null) => new(template, variant, edit, [], null);

    private static Case Invalid(string template, string variant, Action<JsonNode>? edit, string code, params string[] paths) => new(template, variant, edit, paths, code);

    public static readonly Case[] Cases =
    [
        Valid("Test_dv_boolean.v0"),
        Invalid("Test_dv_boolean.v0", "events[0] value is a DV_TEXT", Replace(0, """{"_type":"DV_TEXT","value":"true"}"""),
            ValidationErrorCodes.RmTypeNotAllowed, Item(1, "at0029") + "/value"),

        Valid("Test_dv_boolean_false_true.v0"),
        Invalid("Test_dv_boolean_false_true.v0", "true (only false allowed)", Events(v => v["value"] = true),
            ValidationErrorCodes.BooleanNotAllowed, InAllEvents("at0029", "/value/value")),

        Valid("Test_dv_boolean_true_false.v0", "value true", Events(v => v["value"] = true)),
        Invalid("Test_dv_boolean_true_false.v0", "fixture as shipped: false (only true allowed)", null,
            ValidationErrorCodes.BooleanNotAllowed, InAllEvents("at0029", "/value/value")),

        Valid("Test_dv_coded_text_open_constraint.v0"),
        Invalid("Test_dv_coded_text_open_constraint.v0", "events[0] value is a DV_TEXT", Replace(0, """{"_type":"DV_TEXT","value":"x"}"""),
            ValidationErrorCodes.RmTypeNotAllowed, Item(1, "at0034") + "/value"),

        Valid("Test_dv_coded_text_with_local_codes.v0"),
        Invalid("Test_dv_coded_text_with_local_codes.v0", "events[1] code at0037 (list at0035|at0036)",
            doc => Value(doc, 1)["defining_code"]!["code_string"] = "at0037",
            ValidationErrorCodes.CodeNotAllowed, Item(2, "at0034") + "/value/defining_code"),
        Invalid("Test_dv_coded_text_with_local_codes.v0", "events[2] terminology SNOMED-CT (local expected)",
            doc => Value(doc, 2)["defining_code"]!["terminology_id"]!["value"] = "SNOMED-CT",
            ValidationErrorCodes.TerminologyMismatch, Item(3, "at0034") + "/value/defining_code"),

        Valid("Test_dv_count_open_constraint.v0"),
        Invalid("Test_dv_count_open_constraint.v0", "events[0] value is a DV_QUANTITY", Replace(0, """{"_type":"DV_QUANTITY","magnitude":30,"units":"1"}"""),
            ValidationErrorCodes.RmTypeNotAllowed, Item(1, "at0042") + "/value"),
        new("Test_dv_count_open_constraint.v0", "magnitude null (decode rejects)", Events(v => v["magnitude"] = null), [], null, Undecodable: true),

        Valid("Test_dv_count_range_constraint.v0", "magnitude 15", Events(v => v["magnitude"] = 15)),
        Valid("Test_dv_count_range_constraint.v0", "magnitude 10 and 20 (bounds included)", doc =>
        {
            Value(doc, 0)["magnitude"] = 10;
            Value(doc, 1)["magnitude"] = 20;
            Value(doc, 2)["magnitude"] = 19;
        }),
        Invalid("Test_dv_count_range_constraint.v0", "fixture as shipped: 25 outside 10..20", null,
            ValidationErrorCodes.OutOfRange, InAllEvents("at0042", "/value/magnitude")),
        Invalid("Test_dv_count_range_constraint.v0", "magnitude 0", Events(v => v["magnitude"] = 0),
            ValidationErrorCodes.OutOfRange, InAllEvents("at0042", "/value/magnitude")),

        Valid("Test_dv_date_time_validity_kind_constraint_v0"),
        Invalid("Test_dv_date_time_validity_kind_constraint_v0", "events[0] 2021-10-24T10:30 lacks seconds (yyyy-mm-ddTHH:MM:SS)",
            First(v => v["value"] = "2021-10-24T10:30"), ValidationErrorCodes.TemporalPattern, Item(1, "at0023") + "/value/value"),
        Invalid("Test_dv_date_time_validity_kind_constraint_v0", "events[1] 2021-02-30T10:00:00 is no date",
            doc => Value(doc, 1)["value"] = "2021-02-30T10:00:00", ValidationErrorCodes.InvalidTemporal, Item(2, "at0023") + "/value/value"),

        Valid("Test_dv_ehr_uri_open_constraint.v0"),
        Invalid("Test_dv_ehr_uri_open_constraint.v0", "events[0] https: scheme", First(v => v["value"] = "https://example.org/x"),
            ValidationErrorCodes.RmInvariant, Item(1, "at0028") + "/value/value"),

        Valid("Test_dv_identifier_pattern_constraint.v0"),
        Invalid("Test_dv_identifier_pattern_constraint.v0", "events[0] id ABC (pattern XYZ.*)", First(v => v["id"] = "ABC"),
            ValidationErrorCodes.PatternMismatch, Item(1, "at0030") + "/value/id"),
        Invalid("Test_dv_identifier_pattern_constraint.v0", "events[1] issuer abc", doc => Value(doc, 1)["issuer"] = "abc",
            ValidationErrorCodes.PatternMismatch, Item(2, "at0030") + "/value/issuer"),

        Valid("Test_dv_interval_dv_count_lower_upper_constraint.v0", "events[0] 10..20", First(v =>
        {
            v["lower"]!["magnitude"] = 10;
            v["upper"]!["magnitude"] = 20;
        })),
        Invalid("Test_dv_interval_dv_count_lower_upper_constraint.v0", "fixture as shipped: events[0] -10..200 (bounds 0..100)", null,
            ValidationErrorCodes.OutOfRange, Item(1, "at0046") + "/value/lower/magnitude", Item(1, "at0046") + "/value/upper/magnitude"),

        Valid("Test_dv_interval_dv_count_open_constraint.v0", "events[0] 100..200", First(v =>
        {
            v["lower"]!["magnitude"] = 100;
            v["upper"]!["magnitude"] = 200;
        })),
        Invalid("Test_dv_interval_dv_count_open_constraint.v0", "fixture as shipped: events[0] lower 200 > upper 100", null,
            ValidationErrorCodes.RmInvariant, Item(1, "at0046") + "/value"),

        Valid("Test_dv_interval_dv_quantity_lower_upper_constraint.v0", "events[0] 10..20 Cel", First(v =>
        {
            v["lower"]!["magnitude"] = 10;
            v["upper"]!["magnitude"] = 20;
        })),
        Invalid("Test_dv_interval_dv_quantity_lower_upper_constraint.v0", "fixture as shipped: events[0] -10..200 Cel (0..100 Cel)", null,
            ValidationErrorCodes.OutOfRange, Item(1, "at0046") + "/value/lower/magnitude", Item(1, "at0046") + "/value/upper/magnitude"),
        Invalid("Test_dv_interval_dv_quantity_lower_upper_constraint.v0", "events[1] lower in K", doc => Value(doc, 1)["lower"]!["units"] = "K",
            ValidationErrorCodes.UnitsNotAllowed, Item(1, "at0046") + "/value/lower/magnitude", Item(1, "at0046") + "/value/upper/magnitude", Item(2, "at0046") + "/value/lower/units"),

        Valid("Test_dv_interval_dv_quantity_open_constraint.v0", "events[0] 100..200 mm", First(v =>
        {
            v["lower"]!["magnitude"] = 100;
            v["upper"]!["magnitude"] = 200;
        })),
        Invalid("Test_dv_interval_dv_quantity_open_constraint.v0", "fixture as shipped: events[0] lower 200 mm > upper 100 mm", null,
            ValidationErrorCodes.RmInvariant, Item(1, "at0046") + "/value"),

        Valid("Test_dv_multimedia_open_constraint.v0", "media type application/pdf", Events(v => v["media_type"]!["code_string"] = "application/pdf")),
        Invalid("Test_dv_multimedia_open_constraint.v0", "fixture as shipped: application/dicom (list application/pdf)", null,
            ValidationErrorCodes.CodeNotAllowed, InAllEvents("at0028", "/value/media_type")),

        new("Test_dv_ordinal_open_constraint.v0", "symbol \"type\" corrected to \"_type\"", null, [], null, Text: FixOrdinalType),
        new("Test_dv_ordinal_open_constraint.v0", "fixture as shipped: \"type\" for \"_type\" (decode rejects)", null, [], null, Undecodable: true),
        new("Test_dv_ordinal_open_constraint.v0", "corrected, events[0] value is a DV_COUNT", Replace(0, """{"_type":"DV_COUNT","magnitude":1}"""),
            [Item(1, "at0037") + "/value"], ValidationErrorCodes.RmTypeNotAllowed, Text: FixOrdinalType),

        Valid("Test_dv_ordinal_with_constraints.v0"),
        Invalid("Test_dv_ordinal_with_constraints.v0", "events[0] value 2 with symbol at0039 (only 1|local::at0039)", First(v => v["value"] = 2),
            ValidationErrorCodes.OrdinalNotAllowed, Item(1, "at0037") + "/value"),
        Invalid("Test_dv_ordinal_with_constraints.v0", "events[2] value 1 with symbol at0040", doc => Value(doc, 2)["symbol"]!["defining_code"]!["code_string"] = "at0040",
            ValidationErrorCodes.OrdinalNotAllowed, Item(3, "at0037") + "/value"),

        Valid("Test_dv_parsable_open_constraint.v0", "formalism text/plain", Events(v => v["formalism"] = "text/plain")),
        Invalid("Test_dv_parsable_open_constraint.v0", "fixture as shipped: formalism abc (list text/plain)", null,
            ValidationErrorCodes.StringNotAllowed, InAllEvents("at0028", "/value/formalism")),

        Valid("Test_dv_proportion_open_constraint.v0", "events[0] ratio 10/500", First(v => v["type"] = 0)),
        Valid("Test_dv_proportion_open_constraint.v0", "events[0] percent 10/100", First(v =>
        {
            v["type"] = 2;
            v["denominator"] = 100;
        })),
        Invalid("Test_dv_proportion_open_constraint.v0", "fixture as shipped: events[0] type 898", null,
            ValidationErrorCodes.RmInvariant, Item(1, "at0044") + "/value/type"),
        Invalid("Test_dv_proportion_open_constraint.v0", "events[0] unitary over 500", First(v => v["type"] = 1),
            ValidationErrorCodes.RmInvariant, Item(1, "at0044") + "/value/denominator"),
        Invalid("Test_dv_proportion_open_constraint.v0", "events[0] percent over 500", First(v => v["type"] = 2),
            ValidationErrorCodes.RmInvariant, Item(1, "at0044") + "/value/denominator"),
        Invalid("Test_dv_proportion_open_constraint.v0", "events[0] ratio over 0", First(v =>
        {
            v["type"] = 0;
            v["denominator"] = 0;
        }), ValidationErrorCodes.RmInvariant, Item(1, "at0044") + "/value/denominator"),

        Valid("Test_dv_proportion_open_constraint_precision_1.v0", "events[0] ratio 10/500.5 with precision 1", First(v =>
        {
            v["type"] = 0;
            v["precision"] = 1;
        })),
        Invalid("Test_dv_proportion_open_constraint_precision_1.v0", "fixture as shipped: events[0] integer fraction 10/500.5", null,
            ValidationErrorCodes.RmInvariant, Item(1, "at0044") + "/value/denominator"),
        Invalid("Test_dv_proportion_open_constraint_precision_1.v0", "events[1] precision 2 (1..1)", doc =>
        {
            Value(doc, 0)["type"] = 0;
            Value(doc, 1)["precision"] = 2;
        }, ValidationErrorCodes.OutOfRange, Item(2, "at0044") + "/value/precision"),

        Valid("Test_dv_quantity_open_constraint.v0"),
        Invalid("Test_dv_quantity_open_constraint.v0", "events[0] value is a DV_COUNT", Replace(0, """{"_type":"DV_COUNT","magnitude":130}"""),
            ValidationErrorCodes.RmTypeNotAllowed, Item(1, "at0043") + "/value"),

        Valid("Test_dv_quantity_property_constrained.v0"),
        Invalid("Test_dv_quantity_property_constrained.v0", "events[0] in m (only cm)", First(v => v["units"] = "m"),
            ValidationErrorCodes.UnitsNotAllowed, Item(1, "at0043") + "/value/units"),

        Valid("Test_dv_quantity_property_units_constrained.v0"),
        Invalid("Test_dv_quantity_property_units_constrained.v0", "events[0] in kg (cm|m)", First(v => v["units"] = "kg"),
            ValidationErrorCodes.UnitsNotAllowed, Item(1, "at0043") + "/value/units"),

        Valid("Test_dv_quantity_property_units_constrained_with_magnitude_range.v0"),
        Valid("Test_dv_quantity_property_units_constrained_with_magnitude_range.v0", "12 m (m has no range)", Events(v =>
        {
            v["units"] = "m";
            v["magnitude"] = 12;
        })),
        Invalid("Test_dv_quantity_property_units_constrained_with_magnitude_range.v0", "12 cm (cm 5..10)", Events(v => v["magnitude"] = 12),
            ValidationErrorCodes.OutOfRange, InAllEvents("at0043", "/value/magnitude")),
        Invalid("Test_dv_quantity_property_units_constrained_with_magnitude_range.v0", "events[2] 4.9 cm", doc => Value(doc, 2)["magnitude"] = 4.9,
            ValidationErrorCodes.OutOfRange, Item(3, "at0043") + "/value/magnitude"),

        Valid("Test_dv_text_list_constraint.v0"),
        Invalid("Test_dv_text_list_constraint.v0", "events[0] ABC (XYZ|OPQ)", First(v => v["value"] = "ABC"),
            ValidationErrorCodes.StringNotAllowed, Item(1, "at0031") + "/value/value"),
        Invalid("Test_dv_text_list_constraint.v0", "events[1] element named Other (MY_DV_TEXT)", doc => Element(doc, 1)["name"]!["value"] = "Other",
            ValidationErrorCodes.StringNotAllowed, Item(2, "at0031") + "/name/value"),

        Valid("Test_dv_text_open_constraint.v0"),
        Invalid("Test_dv_text_open_constraint.v0", "events[0] element named ABC (the OPT's name is \"null\")", doc => Element(doc, 0)["name"]!["value"] = "ABC",
            ValidationErrorCodes.StringNotAllowed, Item(1, "at0031") + "/name/value"),

        Valid("Test_dv_text_pattern_constraint.v0"),
        Invalid("Test_dv_text_pattern_constraint.v0", "events[0] ABC (list XYZ)", First(v => v["value"] = "ABC"),
            ValidationErrorCodes.StringNotAllowed, Item(1, "at0031") + "/value/value"),

        Valid("Test_dv_uri_open_constraint.v0"),
        Invalid("Test_dv_uri_open_constraint.v0", "events[0] value is a DV_TEXT", Replace(0, """{"_type":"DV_TEXT","value":"http://example.org/"}"""),
            ValidationErrorCodes.RmTypeNotAllowed, Item(1, "at0028") + "/value"),
    ];

    private static string FixOrdinalType(string json) => json.Replace("\"type\": \"DV_CODED_TEXT\"", "\"_type\": \"DV_CODED_TEXT\"", StringComparison.Ordinal);

    public static TheoryData<string, string> CaseNames()
    {
        var data = new TheoryData<string, string>();
        foreach (var c in Cases) data.Add(c.Template, c.Variant);
        return data;
    }

    private static string OptPath(string template) => $"openehr/ehrbase-integration-tests/valid_templates/all_types/{template}.opt";

    private static string CompositionPath(string template) => $"openehr/ehrbase-integration-tests/compositions/CANONICAL_JSON/{template}__.json";

    [Fact]
    public void Every_Test_dv_template_has_a_valid_and_an_invalid_case()
    {
        var templates = Directory.EnumerateFiles(Support.OptFixtures.FullPath("openehr/ehrbase-integration-tests/valid_templates/all_types"), "Test_dv_*.opt")
            .Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(28, templates.Count);
        foreach (var template in templates)
        {
            Assert.Contains(Cases, c => c.Template == template && c.Paths.Length == 0 && !c.Undecodable);
            Assert.Contains(Cases, c => c.Template == template && (c.Paths.Length > 0 || c.Undecodable));
            Assert.True(File.Exists(Support.OptFixtures.FullPath(CompositionPath(template))), template);
        }
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Test_dv_case(string template, string variant)
    {
        var c = Cases.Single(x => x.Template == template && x.Variant == variant);
        var text = File.ReadAllText(Support.OptFixtures.FullPath(CompositionPath(template)));
        if (c.Text is not null) text = c.Text(text);
        byte[] bytes;
        if (c.Edit is null)
        {
            bytes = Encoding.UTF8.GetBytes(text);
        }
        else
        {
            var json = JsonNode.Parse(text)!;
            c.Edit(json);
            bytes = Encoding.UTF8.GetBytes(json.ToJsonString());
        }

        if (c.Undecodable)
        {
            Assert.Throws<RmFormatException>(() => CanonicalJson.Decode<Composition>(bytes));
            return;
        }

        var composition = CanonicalJson.Decode<Composition>(bytes);
        var result = ValidationFixtures.Validator(OptPath(template)).Validate(composition);
        if (c.Paths.Length == 0)
        {
            Assert.True(result.IsValid, result.ToString());
            return;
        }

        Assert.False(result.IsValid);
        Assert.Equal(c.Paths.Order(StringComparer.Ordinal), result.Errors.Select(e => e.Path).Order(StringComparer.Ordinal));
        Assert.Contains(result.Errors, e => e.Code == c.Code);
        Assert.All(result.Errors, e =>
        {
            Assert.NotEmpty(e.Message);
            Assert.NotEmpty(e.Constraint);
        });
    }
}
