using System.Globalization;
using System.Text.Json;
using Fkj.Cdr.Templates.Tests.Support;
using Fkj.Cdr.Templates.WebTemplates;

namespace Fkj.Cdr.Templates.Tests.WebTemplates;

/// <summary>
/// Better's golden files compared the way the openEHR SDK's own parser test compares them: children
/// by (aqlPath, id), inputs by suffix and type, values by code, and only inputs, validation, listOpen,
/// defaults, labels, proportion types, annotations, cardinalities, localized names and descriptions
/// and inContext. The SDK's test lists, per file, the differences its parser has; ours must be the
/// same list, which shows that we generate what the SDK generates for these templates too.
/// </summary>
/// <remarks>
/// Numbers compare by value here, so the SDK's listed "Validation not equal" differences between
/// Java integers and doubles (AlternativeEvents, multi_occurrence) do not arise.
/// </remarks>
public partial class SdkStyleComparisonTests
{
    private const string ExternalTerminologyPath =
        "/content[openEHR-EHR-OBSERVATION.testing.v1]/data[at0001]/events[at0002]/data[at0003]/items[openEHR-EHR-CLUSTER.testing.v1]/items[at0016]/value";

    private const string TestingDvTextPath =
        "/content[openEHR-EHR-OBSERVATION.testing.v1]/data[at0001]/events[at0002]/data[at0003]/items[openEHR-EHR-CLUSTER.testing.v1]/items[at0026]/value";

    private const string TravelEventPath =
        "/content[openEHR-EHR-SECTION.adhoc.v1 and name/value='Risikogebiet']/items[openEHR-EHR-OBSERVATION.travel_event.v0]/data[at0001]/events[at0002]";

    private const string GeccoProblemPath =
        "/content[openEHR-EHR-EVALUATION.problem_diagnosis.v1 and name/value='Vorliegende Diagnose']/data[at0001]/items[at0002]/value";

    /// <summary>The SDK test's expected differences (its parser's output against Better's file), by golden file.</summary>
    public static TheoryData<string, string[], string[]> Cases => new()
    {
        { "corona_anamnese", [], [
            "LocalizedNames category /category 433: de=event != de=",
            $"InContext math_function {TravelEventPath}/math_function:  != true",
            $"InContext width {TravelEventPath}/width:  != true",
        ] },
        { "Testing_Template_N", [], [
            $"Extra Node external_terminology {ExternalTerminologyPath}",
            $"Missing Node external_terminology {ExternalTerminologyPath.Replace("items[at0016]", "items[at0016 and name/value='External terminology']")}",
            $"InputValue testing_dv_text {TestingDvTextPath} 1234: 1234:Hello world != 1234:",
            "LocalizedNames category /category 433: en=event != en=event,sl=",
            $"LocalizedNames testing_dv_text {TestingDvTextPath} 1234: en=Hello world != en=,sl=",
            $"LocalizedDescriptions testing_dv_text {TestingDvTextPath} 1234: en= != ",
            $"DefaultValue testing_dv_text {TestingDvTextPath} code:  != 1234",
        ] },
        { "GECCO_Diagnose", ["LocalizedDescriptions", "LocalizedNames", "Annotations"], [
            $"Extra Input name_des_problems_der_diagnose {GeccoProblemPath} code:TEXT",
            $"Extra Input name_des_problems_der_diagnose {GeccoProblemPath} value:TEXT",
            $"Missing Input name_des_problems_der_diagnose {GeccoProblemPath} :TEXT",
        ] },
        { "AlternativeEvents", [], ["LocalizedNames category /category 433: de=event != de="] },
        { "multi_occurrence", [], [] },
        { "gecco_serologischer_befund", ["Annotations", "InputValue", "LocalizedNames", "LocalizedDescriptions"], [] },
        { "example.initialassesment", [], [] },
        { "addiction", [], ["LocalizedNames category /category 433: de=event != de="] },
        { "constrain_test", [], [
            "DefaultValue total_body_surface_area_tbsa_affected /content[openEHR-EHR-OBSERVATION.affected_body_surface_area.v0]/data[at0001]/events[at0002]/data[at0003]/items[at0014]/value denominator: 100 != ",
        ] },
        { "language_test", [], [
            "InputValue math_function /content[openEHR-EHR-OBSERVATION.blood_pressure.v2]/data[at0001]/events[at1042]/math_function 146: 146:mean != 146:Durchschnitt",
            "LocalizedNames category /category 433: ar-sy=event,de=event,en=event,fi=event != ar-sy=,de=,en=event,fi=",
            "LocalizedNames math_function /content[openEHR-EHR-OBSERVATION.blood_pressure.v2]/data[at0001]/events[at1042]/math_function 146: ar-sy=mean,de=mean,en=mean,fi=mean != ar-sy=,de=Durchschnitt,en=mean,fi=",
        ] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Our_differences_from_betters_file_are_the_sdks(string name, string[] ignoredKinds, string[] expected)
    {
        var golden = GoldenWebTemplates.Get(name);
        var template = WebTemplateBuilder.Build(GoldenWebTemplates.ParseOpt(golden.Opt));
        using var ours = JsonDocument.Parse(WebTemplateJson.ToUtf8Bytes(template));
        using var better = JsonDocument.Parse(File.ReadAllBytes(OptFixtures.FullPath(golden.Golden)));

        var differences = new List<string>();
        CompareNode(ours.RootElement.GetProperty("tree"), better.RootElement.GetProperty("tree"), differences);
        var kept = differences.Where(d => !ignoredKinds.Any(k => d.StartsWith(k + " ", StringComparison.Ordinal))).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(expected.Order(StringComparer.Ordinal), kept);
    }

    private static void CompareNode(JsonElement actual, JsonElement expected, List<string> differences)
    {
        var where = $"{Text(actual, "id")} {Text(actual, "aqlPath")}";
        var actualChildren = Array(actual, "children").ToDictionary(Key);
        var expectedChildren = Array(expected, "children").ToDictionary(Key);
        foreach (var (key, child) in actualChildren)
        {
            if (expectedChildren.TryGetValue(key, out var other)) CompareNode(child, other, differences);
            else differences.Add($"Extra Node {key.Id} {key.Path}");
        }

        foreach (var key in expectedChildren.Keys.Where(k => !actualChildren.ContainsKey(k))) differences.Add($"Missing Node {key.Id} {key.Path}");

        var actualInputs = Array(actual, "inputs").ToDictionary(InputKey);
        var expectedInputs = Array(expected, "inputs").ToDictionary(InputKey);
        foreach (var (key, input) in actualInputs)
        {
            if (!expectedInputs.TryGetValue(key, out var other))
            {
                differences.Add($"Extra Input {where} {key}");
                continue;
            }

            if (Canonical(Get(input, "validation")) != Canonical(Get(other, "validation"))) differences.Add($"Validation {where} {key}");
            if (Canonical(Get(input, "listOpen")) != Canonical(Get(other, "listOpen"))) differences.Add($"ListOpen {where} {key}");
            if (Canonical(Get(input, "defaultValue")) != Canonical(Get(other, "defaultValue")))
                differences.Add($"DefaultValue {where} {Text(input, "suffix")}: {Canonical(Get(input, "defaultValue"))} != {Canonical(Get(other, "defaultValue"))}");
            CompareValues(input, other, where, differences);
        }

        foreach (var key in expectedInputs.Keys.Where(k => !actualInputs.ContainsKey(k))) differences.Add($"Missing Input {where} {key}");

        if (Set(actual, "proportionTypes") != Set(expected, "proportionTypes")) differences.Add($"ProportionTypes {where}");
        if (Canonical(Get(actual, "annotations")) != Canonical(Get(expected, "annotations"))) differences.Add($"Annotations {where}");
        if (Canonical(Get(actual, "cardinalities")) != Canonical(Get(expected, "cardinalities"))) differences.Add($"Cardinalities {where}");
        if (Entries(actual, "localizedNames") != Entries(expected, "localizedNames"))
            differences.Add($"LocalizedNames {where}: {Entries(actual, "localizedNames")} != {Entries(expected, "localizedNames")}");
        if (Canonical(Get(actual, "inContext")) != Canonical(Get(expected, "inContext")))
            differences.Add($"InContext {where}: {Canonical(Get(actual, "inContext"))} != {Canonical(Get(expected, "inContext"))}");
        if (Entries(actual, "localizedDescriptions") != Entries(expected, "localizedDescriptions"))
            differences.Add($"LocalizedDescriptions {where}: {Entries(actual, "localizedDescriptions")} != {Entries(expected, "localizedDescriptions")}");
    }

    private static void CompareValues(JsonElement actual, JsonElement expected, string where, List<string> differences)
    {
        var actualValues = Array(actual, "list").GroupBy(v => Text(v, "value")).ToDictionary(g => g.Key, g => g.Last());
        var expectedValues = Array(expected, "list").GroupBy(v => Text(v, "value")).ToDictionary(g => g.Key, g => g.Last());
        foreach (var (code, value) in actualValues)
        {
            if (!expectedValues.TryGetValue(code, out var other))
            {
                differences.Add($"Extra InputValue {where} {code}");
                continue;
            }

            if (Text(value, "label") != Text(other, "label"))
                differences.Add($"InputValue {where} {code}: {code}:{Text(value, "label")} != {code}:{Text(other, "label")}");
            if (Canonical(Get(value, "validation")) != Canonical(Get(other, "validation"))) differences.Add($"Validation {where} {code}");
            if (Entries(value, "localizedLabels") != Entries(other, "localizedLabels"))
                differences.Add($"LocalizedNames {where} {code}: {Entries(value, "localizedLabels")} != {Entries(other, "localizedLabels")}");
            if (Entries(value, "localizedDescriptions") != Entries(other, "localizedDescriptions"))
                differences.Add($"LocalizedDescriptions {where} {code}: {Entries(value, "localizedDescriptions")} != {Entries(other, "localizedDescriptions")}");
        }

        foreach (var code in expectedValues.Keys.Where(k => !actualValues.ContainsKey(k))) differences.Add($"Missing InputValue {where} {code}");
    }

    /// <summary>The SDK reads Better's <c>[at0001,'Name']</c> into its own <c>[at0001 and name/value='Name']</c>.</summary>
    private static (string Path, string Id) Key(JsonElement node) =>
        (BetterName().Replace(Text(node, "aqlPath"), " and name/value=$1"), Text(node, "id"));

    [System.Text.RegularExpressions.GeneratedRegex(@",\s*('(?:[^'\\]|\\.)*')")]
    private static partial System.Text.RegularExpressions.Regex BetterName();

    private static string InputKey(JsonElement input) => $"{Text(input, "suffix")}:{Text(input, "type")}";

    private static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        element.TryGetProperty(name, out var array) ? array.EnumerateArray() : [];

    private static JsonElement? Get(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static string Text(JsonElement element, string name) =>
        Get(element, name) is { } value ? value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText() : "";

    private static string Entries(JsonElement element, string name) =>
        Get(element, name) is { ValueKind: JsonValueKind.Object } map
            ? string.Join(",", map.EnumerateObject().Select(p => $"{p.Name}={p.Value.GetString()}").Order(StringComparer.Ordinal))
            : "";

    private static string Set(JsonElement element, string name) =>
        string.Join(",", Array(element, name).Select(v => v.GetString()).Order(StringComparer.Ordinal));

    /// <summary>A value as text with keys sorted and numbers by value; empty for absent, empty arrays and objects.</summary>
    private static string Canonical(JsonElement? element) => element switch
    {
        null => "",
        { ValueKind: JsonValueKind.Object } o when !o.EnumerateObject().Any() => "",
        { ValueKind: JsonValueKind.Array } a when a.GetArrayLength() == 0 => "",
        { ValueKind: JsonValueKind.Object } o => "{" + string.Join(",", o.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => $"{p.Name}:{Canonical(p.Value)}")) + "}",
        { ValueKind: JsonValueKind.Array } a => "[" + string.Join(",", a.EnumerateArray().Select(e => Canonical(e))) + "]",
        { ValueKind: JsonValueKind.Number } n => n.GetDouble().ToString("R", CultureInfo.InvariantCulture),
        { ValueKind: JsonValueKind.String } s when double.TryParse(s.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            => d.ToString("R", CultureInfo.InvariantCulture),
        { ValueKind: JsonValueKind.True } => "true",
        { ValueKind: JsonValueKind.False } => "false",
        { } e => e.GetString() ?? e.GetRawText(),
    };
}
