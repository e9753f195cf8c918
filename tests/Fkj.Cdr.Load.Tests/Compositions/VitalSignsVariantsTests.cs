using System.Globalization;
using System.Text.Json;
using Fkj.Cdr.Load.Compositions;
using Fkj.Cdr.Load.Hosting;
using Fkj.Cdr.Rm.Codecs.Json;
using Fkj.Cdr.Rm.Content;
using Fkj.Cdr.Templates.Opt.Parsing;
using Fkj.Cdr.Templates.Validation;

namespace Fkj.Cdr.Load.Tests.Compositions;

public sealed class VitalSignsVariantsTests
{
    private static readonly byte[] Source = File.ReadAllBytes(VitalSignsVariants.DefaultSourcePath);

    private static readonly Lazy<TemplateValidator> Validator = new(() => TemplateValidator.Compile(OptParser.Parse(
        File.ReadAllBytes(Path.Combine(RepositoryPaths.Root(), "templates", "fkj.vital_signs_news2.v1.opt")))));

    [Fact]
    public void Every_variant_validates_against_the_template()
    {
        foreach (var body in VitalSignsVariants.Generate(Source, 40, seed: 3))
        {
            var composition = CanonicalJson.Decode<Composition>(body.Utf8);
            var result = Validator.Value.Validate(composition);
            Assert.True(result.IsValid, result.ToString());
        }
    }

    [Fact]
    public void Variants_are_new_compositions_with_different_measurements_and_times()
    {
        var variants = VitalSignsVariants.Generate(Source, 50, seed: 1);

        Assert.Equal(50, variants.Count);
        Assert.All(variants, v => Assert.False(JsonDocument.Parse(v.Utf8).RootElement.TryGetProperty("uid", out _)));
        Assert.All(variants, v => Assert.Equal(v.Text, System.Text.Encoding.UTF8.GetString(v.Utf8)));
        Assert.True(variants.Select(v => v.Text).Distinct().Count() == 50, "every variant differs");
        Assert.True(variants.Select(v => Read(v).Systolic).Distinct().Count() > 3);
        Assert.True(variants.Select(v => Read(v).Start).Distinct().Count() > 40);
        Assert.True(variants.Select(v => Read(v).FeederId).Distinct().Count() == 50);
        // Compact UTF-8: a realistic request body, Norwegian letters unescaped.
        Assert.All(variants, v => Assert.DoesNotContain("\n", v.Text));
        Assert.Contains("Våken", variants[0].Text);
        Assert.InRange(variants[0].Utf8.Length, 15_000, 40_000);
    }

    [Fact]
    public void Measurements_stay_in_the_news2_bands_of_the_recorded_scores()
    {
        foreach (var v in VitalSignsVariants.Generate(Source, 200, seed: 9).Select(Read))
        {
            Assert.InRange(v.Systolic, 101, 110);            // NEWS2 systolic score 1
            Assert.InRange(v.Diastolic, 58, 80);
            Assert.Equal(Math.Round((v.Systolic + 2.0 * v.Diastolic) / 3.0, MidpointRounding.AwayFromZero), v.MeanArterial);
            Assert.InRange(v.Pulse, 91, 110);                // pulse score 1
            Assert.InRange(v.Respiration, 21, 24);           // respiration score 2
            Assert.InRange(v.SpO2, 94, 95);                  // SpO2 scale 1 score 1
            Assert.InRange(v.Temperature, 38.1, 39.0);       // temperature score 1
            Assert.Equal(v.Temperature, Math.Round(v.Temperature, 1));
            Assert.Equal(6, v.News2Total);
            // Start before the events, the events before the end: one shift for every date-time.
            Assert.True(v.Start < v.EventTime && v.EventTime < v.End);
            Assert.InRange(v.Start, new DateTimeOffset(2024, 3, 13, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 3, 14, 8, 10, 0, TimeSpan.FromHours(1)));
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_variants()
    {
        var a = VitalSignsVariants.Generate(Source, 10, seed: 42).Select(v => v.Text);
        var b = VitalSignsVariants.Generate(Source, 10, seed: 42).Select(v => v.Text);
        var c = VitalSignsVariants.Generate(Source, 10, seed: 43).Select(v => v.Text);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void A_composition_without_the_expected_observations_is_refused_clearly()
    {
        var e = Assert.Throws<InvalidDataException>(() =>
            VitalSignsVariants.Generate("""{"_type":"COMPOSITION","content":[]}"""u8.ToArray(), 1, 1));
        Assert.Contains("blood_pressure", e.Message);
    }

    private sealed record Values(int Systolic, int Diastolic, int MeanArterial, int Pulse, int Respiration, double SpO2, double Temperature,
        long News2Total, DateTimeOffset Start, DateTimeOffset EventTime, DateTimeOffset End, string FeederId);

    private static Values Read(CompositionBody body)
    {
        var root = JsonDocument.Parse(body.Utf8).RootElement;
        var content = root.GetProperty("content").EnumerateArray().ToList();
        JsonElement Item(string observation, string node) => content
            .Single(o => o.GetProperty("archetype_node_id").GetString() == observation)
            .GetProperty("data").GetProperty("events")[0].GetProperty("data").GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("archetype_node_id").GetString() == node)
            .GetProperty("value");
        DateTimeOffset Time(JsonElement e) => DateTimeOffset.Parse(e.GetProperty("value").GetString()!, CultureInfo.InvariantCulture);
        return new Values(
            Item(VitalSignsVariants.BloodPressure, "at0004").GetProperty("magnitude").GetInt32(),
            Item(VitalSignsVariants.BloodPressure, "at0005").GetProperty("magnitude").GetInt32(),
            Item(VitalSignsVariants.BloodPressure, "at1006").GetProperty("magnitude").GetInt32(),
            Item(VitalSignsVariants.Pulse, "at0004").GetProperty("magnitude").GetInt32(),
            Item(VitalSignsVariants.Respiration, "at0004").GetProperty("magnitude").GetInt32(),
            Item(VitalSignsVariants.PulseOximetry, "at0006").GetProperty("numerator").GetDouble(),
            Item(VitalSignsVariants.BodyTemperature, "at0004").GetProperty("magnitude").GetDouble(),
            Item("openEHR-EHR-OBSERVATION.news2.v1", "at0028").GetProperty("magnitude").GetInt64(),
            Time(root.GetProperty("context").GetProperty("start_time")),
            Time(content[0].GetProperty("data").GetProperty("events")[0].GetProperty("time")),
            Time(root.GetProperty("context").GetProperty("end_time")),
            root.GetProperty("feeder_audit").GetProperty("feeder_system_item_ids")[0].GetProperty("id").GetString()!);
    }
}
