using System.Text;
using System.Text.Json;
using Fkj.Cdr.Rm.Codecs;
using Fkj.Cdr.Rm.Content;
using Fkj.Cdr.Rm.DataStructures;
using Fkj.Cdr.Rm.DataTypes;
using Fkj.Cdr.Templates.Flat;

namespace Fkj.Cdr.Templates.Tests.Flat;

/// <summary>Small helpers for the rule tests: decode inline FLAT, encode to a key map, reach values by path.</summary>
internal static class FlatKit
{
    public const string TestAllTypes = "openehr/ehrbase-sdk-test-data/operationaltemplate/Test_all_types.opt";
    public const string Conformance = "openehr/ehrbase-sdk-test-data/operationaltemplate/conformance_ehrbase.de.v0.opt";

    public static FlatFixtures.Compiled AllTypes => FlatFixtures.Template(TestAllTypes);

    public static FlatFixtures.Compiled ConformanceTemplate => FlatFixtures.Template(Conformance);

    public static FlatFixtures.Compiled VitalSigns => FlatFixtures.VitalSigns();

    public static Composition Decode(FlatFixtures.Compiled template, string json) =>
        FlatComposition.Decode(Encoding.UTF8.GetBytes(json), template.WebTemplate, FlatFixtures.Options);

    public static IReadOnlyList<RmFormatError> Errors(FlatFixtures.Compiled template, string json)
    {
        var error = Assert.Throws<RmFormatException>(() => Decode(template, json));
        Assert.DoesNotContain(error.Errors, e => e.Code == "internal_error");
        return error.Errors;
    }

    /// <summary>The FLAT of a composition as key → value text (numbers as written, booleans true/false).</summary>
    public static Dictionary<string, string> Keys(FlatFixtures.Compiled template, Composition composition)
    {
        using var document = JsonDocument.Parse(FlatComposition.Encode(composition, template.WebTemplate));
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText());
    }

    /// <summary>The values of the first event of an observation's data.</summary>
    public static List<Item> EventItems(ContentItem observation, int @event = 0) =>
        ((ItemTree)((Observation)observation).Data.Events![@event].Data).Items!;

    public static DataValue? Value(IEnumerable<Item> items, string nodeId) =>
        items.OfType<Element>().Single(e => e.ArchetypeNodeId == nodeId).Value;

    /// <summary>The section of test_all_types' observation at content index <paramref name="index"/>.</summary>
    public static Observation AllTypesObservation(Composition composition) => composition.Content!.OfType<Observation>().Single();

    /// <summary>The minimal composition keys of test_all_types, to which a test adds its own.</summary>
    public const string AllTypesHeader = """
        "ctx/language": "en", "ctx/territory": "GB", "ctx/composer_name": "Dr. House",
        """;

    public const string ConformanceHeader = """
        "ctx/language": "en", "ctx/territory": "US", "ctx/composer_name": "Silvia Blake",
        """;
}
