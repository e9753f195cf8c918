using System.Globalization;
using System.Text.Json;
using Fkj.Cdr.Cli.Synthetic;
using Fkj.Cdr.Cli.Tests.Support;
using Fkj.Cdr.Rm.Codecs.Json;
using Fkj.Cdr.Rm.Content;
using Fkj.Cdr.Rm.Records;
using Fkj.Cdr.Templates.Opt.Constraints;
using Fkj.Cdr.Templates.Opt.Parsing;
using Fkj.Cdr.Templates.Opt.Terminology;
using Fkj.Cdr.Templates.Validation;

namespace Fkj.Cdr.Cli.Tests.Generate;

/// <summary>What every generated file must be: valid against the template in templates/, in the template's words, in time order.</summary>
[Collection(GeneratedPopulationCollection.Name)]
public class GeneratedCompositionTests(GeneratedPopulation population)
{
    /// <summary>The template as the repository has it (not the copy built into the generator).</summary>
    private static readonly Lazy<Fkj.Cdr.Templates.Opt.OperationalTemplate> Template =
        new(() => OptParser.Parse(File.ReadAllBytes(Repository.Path("templates", "fkj.vital_signs_news2.v1.opt"))));

    [Fact]
    public void Every_composition_decodes_and_validates_against_the_template()
    {
        var validator = TemplateValidator.Compile(Template.Value);
        var failures = new List<string>();
        var count = 0;
        foreach (var (n, k, file) in population.Compositions())
        {
            var composition = CanonicalJson.Decode<Composition>(File.ReadAllBytes(file));
            var result = validator.Validate(composition);
            if (!result.IsValid) failures.Add($"{n}/{k}: {result}");
            count++;
        }

        Assert.Equal(1000, count);
        Assert.Empty(failures);
    }

    [Fact]
    public void Names_and_coded_texts_are_the_templates_terms()
    {
        var terminologies = Template.Value.Nodes().OfType<CArchetypeRoot>()
            .GroupBy(r => r.ArchetypeId).ToDictionary(g => g.Key, g => g.First().Terminology);
        var checkedTexts = 0;
        foreach (var (n, k, file) in population.Compositions().Where(c => c.N <= 20))
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file));
            Walk(document.RootElement, null, $"{n}/{k}");
        }

        Assert.True(checkedTexts > 10_000, $"only {checkedTexts} texts checked");

        void Walk(JsonElement element, ArchetypeTerminology? terminology, string where)
        {
            if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray()) Walk(item, terminology, where);
                return;
            }

            if (element.ValueKind != JsonValueKind.Object) return;
            if (element.TryGetProperty("archetype_node_id", out var nodeIdProperty))
            {
                var nodeId = nodeIdProperty.GetString()!;
                if (nodeId.StartsWith("openEHR-", StringComparison.Ordinal))
                {
                    terminology = terminologies[nodeId];
                    nodeId = "at0000";
                }

                Assert.Equal(Term(terminology!, nodeId, where), element.GetProperty("name").GetProperty("value").GetString());
                checkedTexts++;
            }

            if (element.TryGetProperty("defining_code", out var code)
                && code.GetProperty("terminology_id").GetProperty("value").GetString() == "local")
            {
                Assert.Equal(Term(terminology!, code.GetProperty("code_string").GetString()!, where), element.GetProperty("value").GetString());
                checkedTexts++;
            }

            foreach (var property in element.EnumerateObject()) Walk(property.Value, terminology, where);
        }

        static string Term(ArchetypeTerminology terminology, string code, string where) =>
            terminology.Term(code, "nb")?.Text ?? throw new InvalidOperationException($"{where}: {code} has no term");
    }

    [Fact]
    public void Every_ehr_status_names_a_unique_synthetic_subject()
    {
        var subjects = new HashSet<string>();
        for (var n = 1; n <= GeneratedPopulation.Ehrs; n++)
        {
            var status = CanonicalJson.Decode<EhrStatus>(File.ReadAllBytes(population.EhrFile(n)));
            Assert.Equal("openEHR-EHR-EHR_STATUS.generic.v1", status.ArchetypeNodeId);
            Assert.True(status.IsQueryable);
            Assert.True(status.IsModifiable);
            var reference = status.Subject.ExternalRef!;
            Assert.Equal("PERSON", reference.Type);
            Assert.Equal("no.fkj.syntetisk.fnr", reference.Namespace);
            Assert.Contains("syntetisk", reference.Namespace, StringComparison.Ordinal);
            var id = Assert.IsType<Fkj.Cdr.Rm.Identification.GenericId>(reference.Id);
            Assert.Equal("fnr-syntetisk", id.Scheme);
            Assert.True(Fodselsnummer.IsSynthetic(id.Value), id.Value);
            Assert.True(subjects.Add(id.Value), $"{id.Value} twice");
        }
    }

    [Fact]
    public void Each_timeline_is_in_time_order_ends_by_the_fixed_end_and_keeps_one_spo2_scale()
    {
        var end = new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.FromHours(2));
        var measurementIds = new HashSet<string>();
        var gapsUnderTwelveHours = 0;
        for (var n = 1; n <= GeneratedPopulation.Ehrs; n++)
        {
            DateTimeOffset? previous = null;
            string? scale = null;
            for (var k = 1; k <= GeneratedPopulation.CompositionsPerEhr; k++)
            {
                var c = CompositionJson.Parse(File.ReadAllBytes(population.CompositionFile(n, k)));
                var context = c.Root.GetProperty("context");
                var start = Time(context.GetProperty("start_time"));
                var stop = Time(context.GetProperty("end_time"));
                var time = Time(c.Event("openEHR-EHR-OBSERVATION.news2.v1").GetProperty("time"));
                Assert.True(start <= time && time <= stop, $"{n}/{k}: the measurement lies within the encounter");
                Assert.True(stop < end, $"{n}/{k} ends after the timeline's end");
                if (previous is { } p)
                {
                    Assert.True(time > p, $"{n}/{k} is not after {n}/{k - 1}");
                    if (time - p < TimeSpan.FromHours(12)) gapsUnderTwelveHours++;
                }

                previous = time;
                var news2 = c.EventItems("openEHR-EHR-OBSERVATION.news2.v1");
                var thisScale = CompositionJson.Value(news2, "at0029") is null ? "2" : "1";
                Assert.True(scale is null || scale == thisScale, $"{n}/{k}: one patient, one SpO2 scale");
                scale = thisScale;
                var id = c.Root.GetProperty("feeder_audit").GetProperty("originating_system_item_ids")[0].GetProperty("id").GetString()!;
                Assert.True(measurementIds.Add(id), $"measurement id {id} twice");
            }
        }

        Assert.True(gapsUnderTwelveHours > 20, "illness brings clusters of measurements hours apart");
    }

    [Fact]
    public void The_population_has_what_a_municipality_has()
    {
        var s = population.Statistics;
        Assert.Equal(1000, s.Compositions);
        Assert.True(s.Risk[0] > 700, "most measurements are low risk");
        Assert.True(s.Risk[3] > 0, "some are high");
        Assert.True(s.Scale2 > 0, "some patients are on SpO2 scale 2");
        Assert.True(s.OnOxygen > 0, "some are on oxygen");
        Assert.True(s.NotAlert > 0, "some are newly confused or worse");

        var units = new HashSet<string>();
        foreach (var (_, _, file) in population.Compositions())
        {
            var c = CompositionJson.Parse(File.ReadAllBytes(file));
            units.Add(c.Root.GetProperty("context").GetProperty("setting").GetProperty("defining_code").GetProperty("code_string").GetString()!);
        }

        Assert.Equal(["225", "237"], units.Order());
    }

    private static DateTimeOffset Time(JsonElement dvDateTime) =>
        DateTimeOffset.ParseExact(dvDateTime.GetProperty("value").GetString()!, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
