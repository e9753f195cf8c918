using System.Text.Json.Nodes;
using Fkj.Cdr.Rm.Codecs.Json;
using Fkj.Cdr.Rm.Content;
using Fkj.Cdr.Templates.Validation;
using Xunit.Abstractions;

namespace Fkj.Cdr.Templates.Tests.Validation;

/// <summary>The project's own template, fkj.vital_signs_news2.v1, with the benchmark composition: valid as it is, and broken in many ways at once.</summary>
public class VitalSignsValidationTests(ITestOutputHelper output)
{
    private const string Bp = "/content[openEHR-EHR-OBSERVATION.blood_pressure.v2]/data[at0001]/events[at0006]/data[at0003]";
    private const string Pulse = "/content[openEHR-EHR-OBSERVATION.pulse.v2]/data[at0002]/events[at0003]/data[at0001]";
    private const string Spo2 = "/content[openEHR-EHR-OBSERVATION.pulse_oximetry.v1]/data[at0001]/events[at0002]/data[at0003]";
    private const string Temperature = "/content[openEHR-EHR-OBSERVATION.body_temperature.v2]/data[at0002]/events[at0003]/data[at0001]";
    private const string Acvpu = "/content[openEHR-EHR-OBSERVATION.acvpu.v1]/data[at0001]/events[at0002]/data[at0003]";
    private const string News2 = "/content[openEHR-EHR-OBSERVATION.news2.v1]/data[at0001]/events[at0002]/data[at0003]";

    [Fact]
    public void The_benchmark_composition_is_valid()
    {
        var composition = CanonicalJson.Decode<Composition>(ValidationFixtures.VitalSignsComposition());
        var result = ValidationFixtures.VitalSigns().Validate(composition);
        Assert.True(result.IsValid, result.ToString());
        Assert.Empty(result.DeferredTerminologyChecks);
        Assert.Same(ValidationResult.Valid, result);
    }

    private static JsonNode Items(JsonNode doc, int content) => doc["content"]![content]!["data"]!["events"]![0]!["data"]!["items"]!;

    [Fact]
    public void A_composition_broken_in_ten_ways_gets_every_error_at_once()
    {
        var doc = JsonNode.Parse(ValidationFixtures.VitalSignsComposition())!;
        doc["archetype_details"]!["template_id"]!["value"] = "fkj.vital_signs_news2.v0";           // 1 wrong template id
        Items(doc, 0)[0]!["value"]!["magnitude"] = 1200;                                              // 2 systolic out of range
        Items(doc, 0)[1]!["value"]!["magnitude"] = 68.5;                                              // 3 diastolic with a decimal (precision 0)
        Items(doc, 1)[1]!["value"]!["units"] = "bpm";                                                 // 4 pulse rate in units not allowed
        Items(doc, 3)[0]!["value"]!["type"] = 3;                                                      // 5 SpO2 as a fraction (type 2 only)
        Items(doc, 4)[0]!["value"]!["magnitude"] = 138.3;                                             // 6 temperature out of range
        Items(doc, 5)[0]!["value"]!["defining_code"]!["code_string"] = "at9999";                      // 7 ACVPU code not in the list
        Items(doc, 6)[0]!["value"]!["value"] = 3;                                                     // 8 NEWS2 ordinal value that does not go with its symbol
        Items(doc, 6).AsArray().RemoveAt(7);                                                          // 9 NEWS2 total score (mandatory) removed
        Items(doc, 0).AsArray().Add(JsonNode.Parse("""
            {"_type":"ELEMENT","name":{"_type":"DV_TEXT","value":"Extra"},"archetype_node_id":"at9000","value":{"_type":"DV_TEXT","value":"x"}}
            """));                                                                                   // 10 an element the template does not have
        doc["content"]![2]!["data"]!["events"]![0]!["time"]!["value"] = "2025-02-30T08:12:00+01:00"; // 11 no such date

        var composition = ValidationFixtures.Decode(doc);
        var result = ValidationFixtures.VitalSigns().Validate(composition);
        foreach (var error in result.Errors) output.WriteLine(error.ToString());

        string[] expected =
        [
            "/archetype_details/template_id",
            $"{Bp}/items[at0004]/value/magnitude",
            $"{Bp}/items[at0005]/value/magnitude",
            $"{Bp}/items[at9000]",
            $"{Pulse}/items[at0004]/value/units",
            "/content[openEHR-EHR-OBSERVATION.respiration.v2]/data[at0001]/events[at0002]/time/value",
            $"{Spo2}/items[at0006]/value/type",
            $"{Temperature}/items[at0004]/value/magnitude",
            $"{Acvpu}/items[at0004]/value/defining_code",
            $"{News2}/items[at0006]/value",
            $"{News2}/items[at0028]",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), result.Errors.Select(e => e.Path).Order(StringComparer.Ordinal));

        var byPath = result.Errors.ToDictionary(e => e.Path);
        Assert.Equal(ValidationErrorCodes.TemplateIdMismatch, byPath["/archetype_details/template_id"].Code);
        var systolic = byPath[$"{Bp}/items[at0004]/value/magnitude"];
        Assert.Equal((ValidationErrorCodes.OutOfRange, "0..<1000 mm[Hg]", "1200"), (systolic.Code, systolic.Constraint, systolic.Found));
        Assert.Equal(ValidationErrorCodes.Precision, byPath[$"{Bp}/items[at0005]/value/magnitude"].Code);
        Assert.Equal(ValidationErrorCodes.NodeIdNotAllowed, byPath[$"{Bp}/items[at9000]"].Code);
        Assert.Equal((ValidationErrorCodes.UnitsNotAllowed, "bpm"), (byPath[$"{Pulse}/items[at0004]/value/units"].Code, byPath[$"{Pulse}/items[at0004]/value/units"].Found));
        Assert.Equal(ValidationErrorCodes.InvalidTemporal, byPath["/content[openEHR-EHR-OBSERVATION.respiration.v2]/data[at0001]/events[at0002]/time/value"].Code);
        Assert.Equal(ValidationErrorCodes.OutOfRange, byPath[$"{Spo2}/items[at0006]/value/type"].Code);
        Assert.Equal(ValidationErrorCodes.OutOfRange, byPath[$"{Temperature}/items[at0004]/value/magnitude"].Code);
        Assert.Equal(ValidationErrorCodes.CodeNotAllowed, byPath[$"{Acvpu}/items[at0004]/value/defining_code"].Code);
        Assert.Equal(ValidationErrorCodes.OrdinalNotAllowed, byPath[$"{News2}/items[at0006]/value"].Code);
        var total = byPath[$"{News2}/items[at0028]"];
        Assert.Equal((ValidationErrorCodes.Occurrences, "1..1", "0"), (total.Code, total.Constraint, total.Found));
    }

    [Fact]
    public void A_compiled_validator_serves_many_threads_at_once()
    {
        var validator = ValidationFixtures.VitalSigns();
        var valid = CanonicalJson.Decode<Composition>(ValidationFixtures.VitalSignsComposition());
        var doc = JsonNode.Parse(ValidationFixtures.VitalSignsComposition())!;
        Items(doc, 0)[0]!["value"]!["magnitude"] = 1200;
        var invalid = ValidationFixtures.Decode(doc);

        Parallel.For(0, 400, i =>
        {
            var result = validator.Validate(i % 2 == 0 ? valid : invalid);
            Assert.Equal(i % 2 == 0 ? 0 : 1, result.Errors.Count);
        });
    }

    [Fact]
    public void Compiling_twice_gives_validators_that_agree()
    {
        var template = ValidationFixtures.VitalSigns().Template;
        var results = Enumerable.Range(0, 4).AsParallel().Select(_ => TemplateValidator.Compile(template))
            .Select(v => v.Validate(CanonicalJson.Decode<Composition>(ValidationFixtures.VitalSignsComposition())).IsValid).ToList();
        Assert.All(results, Assert.True);
    }
}
