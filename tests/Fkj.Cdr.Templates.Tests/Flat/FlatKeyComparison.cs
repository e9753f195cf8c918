using System.Globalization;
using System.Text;
using System.Text.Json;
using Fkj.Cdr.Templates.Flat;

namespace Fkj.Cdr.Templates.Tests.Flat;

/// <summary>
/// Compares a FLAT document with the FLAT written back after decoding it, key by key, ignoring key order.
/// These normalisations apply, each because FLAT allows two spellings of one thing or because the decoder
/// fills in what the document left out (the openEHR SDK's defaults):
/// <list type="number">
/// <item>Keys are compared in canonical form: a node's id as the web template spells it (the SDK's renumbered
/// spelling, e.g. <c>test_result</c> for <c>test_result2</c>, is an alias); <c>:0</c> written on a repeatable node
/// that omits it and dropped on a node that occurs once; for list RM attributes (<c>_link</c>,
/// <c>_other_participation</c>, …) <c>:0</c> written too.</item>
/// <item>Suffix aliases: on DV_IDENTIFIER the plain value is <c>|id</c>; on plainly valued types (text, count, dates
/// and times, duration, URIs, boolean, parsable) <c>|value</c> is the plain value; on DV_MULTIMEDIA <c>|url</c>
/// is; on DV_QUANTITY <c>|units</c> is <c>|unit</c>; on DV_COUNT <c>|magnitude</c> is the plain value.</item>
/// <item>Values: numbers by value (<c>39.0</c> is <c>39</c>, a numeric string is its number), booleans and their
/// strings alike; a proportion's plain magnitude (written for readers, computed from numerator and denominator)
/// within a relative 1e-6.</item>
/// <item><c>ctx/…</c> keys are not compared: they are spread into the composition; what they produce is checked
/// by rule 6. <c>ctx/composer_self</c> must come back when it went in.</item>
/// <item>Input keys that may be missing from the output: interval flags that say what the bounds imply
/// (<c>|lower_included: true</c> with a lower bound, <c>|lower_unbounded: false</c> with one, <c>|upper_unbounded: true</c>
/// or <c>|upper_included: false</c> without one); an ordinal's <c>|terminology</c> (always local, as in the SDK); a
/// <c>|raw</c> value (written back key by key); a <c>history_origin</c> equal to the earliest event time.</item>
/// <item>Output keys that may be missing from the input: the text and terminology of a code given alone
/// (<c>|value</c>, <c>|terminology</c>; for ordinals <c>|value</c>, <c>|ordinal</c>), the unit of a quantity whose
/// template allows one, a proportion's kind where the template allows one and its plain magnitude; keys under a
/// path the input gave as <c>|raw</c>; and the attributes the SDK's defaults fill: language, encoding, territory,
/// category, composer, the context's start_time, setting, <c>_end_time</c>, <c>_location</c>,
/// <c>_health_care_facility</c>, <c>_participation</c>, an entry's <c>_other_participation</c>, <c>_provider</c>,
/// <c>_work_flow_id</c>, an event's or action's time, ism_transition/current_state, action_archetype_id, an
/// activity timing's formalism, an instruction's narrative and an interval event's math_function.</item>
/// <item>An ordinal's <c>|ordinal</c> and <c>|value</c> may differ from the input's where the template's list fixes
/// them for the code (the SDK takes them from the list too).</item>
/// </list>
/// </summary>
internal static class FlatKeyComparison
{
    private static readonly HashSet<string> ListBranches =
    [
        "_link", "_other_participation", "_participation", "_identifier", "_mapping", "_other_reference_ranges", "_reason",
        "originating_system_item_id", "feeder_system_item_id",
    ];

    private static readonly HashSet<string> DefaultAttributes =
    [
        "language", "encoding", "territory", "category", "composer", "start_time", "setting", "time", "current_state",
        "action_archetype_id", "narrative", "math_function",
    ];

    private static readonly HashSet<string> DefaultBranches =
        ["_end_time", "_location", "_health_care_facility", "_participation", "_other_participation", "_provider", "_work_flow_id"];

    /// <summary>A canonical key; equal when path and suffix are (the rest describes it).</summary>
    private sealed record Key(string Path, string? Suffix, FlatKind Kind, FlatNode? Node, IReadOnlyList<string> Branches)
    {
        public string Text => Suffix is null ? Path : $"{Path}|{Suffix}";

        public bool Equals(Key? other) => other is not null && Path == other.Path && Suffix == other.Suffix;

        public override int GetHashCode() => HashCode.Combine(Path, Suffix);
    }

    public static List<string> Differences(FlatSchema schema, JsonElement input, JsonElement output)
    {
        var differences = new List<string>();
        var inputKeys = Canonical(schema, input, differences, "input");
        var outputKeys = Canonical(schema, output, differences, "output");
        if (input.TryGetProperty("ctx/composer_self", out var self) && self.ValueKind == JsonValueKind.True
            && !(output.TryGetProperty("ctx/composer_self", out var back) && back.ValueKind == JsonValueKind.True))
            differences.Add("ctx/composer_self: not written back");

        var rawPaths = inputKeys.Where(k => k.Key.Suffix == "raw").Select(k => k.Key.Path).ToList();
        var inputPaths = inputKeys.Keys.GroupBy(k => k.Path).ToDictionary(g => g.Key, g => g.Select(k => k.Suffix).ToHashSet());

        foreach (var (key, value) in inputKeys)
        {
            if (outputKeys.TryGetValue(key, out var written))
            {
                if (SameValue(key, value, written)) continue;
                if (key.Kind == FlatKind.Ordinal && key.Suffix is "ordinal" or "value" && TemplateFixes(key, written)) continue;
                differences.Add($"{key.Text}: {value.GetRawText()} came back as {written.GetRawText()}");
            }
            else if (!MayDrop(key, value, inputKeys, outputKeys))
            {
                differences.Add($"{key.Text}: not written back (was {Short(value)})");
            }
        }

        foreach (var (key, value) in outputKeys)
        {
            if (inputKeys.ContainsKey(key)) continue;
            if (rawPaths.Any(p => key.Path == p || key.Path.StartsWith(p + "/", StringComparison.Ordinal))) continue;
            if (Derived(key, inputPaths) || Default(key)) continue;
            differences.Add($"{key.Text}: written but not in the input ({Short(value)})");
        }

        return differences;
    }

    private static bool TemplateFixes(Key key, JsonElement written)
    {
        var code = key.Node?.Codes.FirstOrDefault(c => c.Ordinal?.ToString(CultureInfo.InvariantCulture) == written.ToString() || c.Label == written.ToString());
        return code is not null;
    }

    private static bool MayDrop(Key key, JsonElement value, Dictionary<Key, JsonElement> input, Dictionary<Key, JsonElement> output)
    {
        if (key.Suffix == "raw") return true;
        if (key.Kind == FlatKind.Ordinal && key.Suffix == "terminology") return true;
        if (key.Branches.Count > 0 && key.Branches[^1] == "history_origin") return true;
        if (key.Suffix is "lower_included" or "upper_included" or "lower_unbounded" or "upper_unbounded")
        {
            var bound = key.Suffix.StartsWith("lower", StringComparison.Ordinal) ? "lower" : "upper";
            var hasBound = input.Keys.Any(k => k.Path.StartsWith($"{key.Path}/{bound}", StringComparison.Ordinal));
            var flag = value.ValueKind == JsonValueKind.True || value.ToString() == "true";
            return key.Suffix.EndsWith("included", StringComparison.Ordinal) ? (hasBound ? flag : !flag) : (hasBound ? !flag : flag);
        }

        return false;
    }

    private static bool Derived(Key key, Dictionary<string, HashSet<string?>> inputPaths)
    {
        if (!inputPaths.TryGetValue(key.Path, out var given)) return false;
        return key.Kind switch
        {
            FlatKind.CodedText or FlatKind.Text or FlatKind.State => key.Suffix is "value" or "terminology" && given.Overlaps(["code", null]),
            FlatKind.Ordinal or FlatKind.Scale => key.Suffix is "value" or "ordinal" or "code" && given.Overlaps(["code", "value", null]),
            FlatKind.Quantity => key.Suffix == "unit" && given.Contains("magnitude"),
            FlatKind.Proportion => key.Suffix is "type" or null && given.Contains("numerator"),
            FlatKind.Parsable => key.Suffix == "formalism",
            _ => false,
        };
    }

    private static bool Default(Key key)
    {
        if (key.Branches.Count > 0) return DefaultBranches.Contains(key.Branches[0]) || (key.Kind == FlatKind.Complex && key.Branches[0] == "math_function");
        return key.Node is { } node && (node.Source.NodeId is null || node.Kind == FlatKind.Party) && DefaultAttributes.Contains(node.Source.Name ?? "");
    }

    private static bool SameValue(Key key, JsonElement a, JsonElement b)
    {
        if (Number(a) is { } x && Number(b) is { } y)
        {
            if (x == y) return true;
            return key.Kind == FlatKind.Proportion && key.Suffix is null && Math.Abs(x - y) <= 1e-6 * Math.Max(Math.Abs(x), Math.Abs(y));
        }

        if (Flag(a) is { } p && Flag(b) is { } q) return p == q;
        return a.ValueKind == b.ValueKind && a.ToString() == b.ToString();
    }

    private static double? Number(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number => e.GetDouble(),
        JsonValueKind.String when double.TryParse(e.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    private static bool? Flag(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String when e.GetString() is "true" or "false" => e.GetString() == "true",
        _ => null,
    };

    private static string Short(JsonElement e)
    {
        var text = e.GetRawText();
        return text.Length > 50 ? text[..50] + "…" : text;
    }

    /// <summary>The document's keys (ctx aside) in canonical form.</summary>
    private static Dictionary<Key, JsonElement> Canonical(FlatSchema schema, JsonElement document, List<string> differences, string side)
    {
        var raw = new List<(string Path, string? Suffix, FlatKind Kind, FlatNode? Node, List<string> Branches, JsonElement Value)>();
        foreach (var property in document.EnumerateObject())
        {
            if (property.Name.StartsWith("ctx/", StringComparison.Ordinal)) continue;
            if (Canonicalise(schema, property.Name) is not { } c)
            {
                differences.Add($"{side} key {property.Name}: not a path of the template");
                continue;
            }

            raw.Add((c.Path, c.Suffix, c.Kind, c.Node, c.Branches, property.Value));
        }

        // Suffix aliases need to know what else the path has (a text with |code is coded: its |value is real).
        var suffixes = raw.GroupBy(r => r.Path).ToDictionary(g => g.Key, g => g.Select(r => r.Suffix).ToHashSet());
        var result = new Dictionary<Key, JsonElement>();
        foreach (var (path, suffix, kind, node, branches, value) in raw)
        {
            var aliased = branches.Count > 0 ? suffix : Alias(kind, suffix, suffixes[path]);
            result[new Key(path, aliased, kind, node, branches)] = value;
        }

        return result;
    }

    private static string? Alias(FlatKind kind, string? suffix, HashSet<string?> others) => kind switch
    {
        FlatKind.Identifier when suffix is null or "value" => "id",
        FlatKind.Text when suffix == "value" && !others.Contains("code") => null,
        FlatKind.Count when suffix is "value" or "magnitude" => null,
        FlatKind.DateTime or FlatKind.Date or FlatKind.Time or FlatKind.Duration or FlatKind.Uri or FlatKind.EhrUri
            or FlatKind.Boolean or FlatKind.Parsable when suffix == "value" => null,
        FlatKind.Multimedia when suffix is "url" or "value" => null,
        FlatKind.Quantity when suffix == "units" => "unit",
        _ => suffix,
    };

    private static (string Path, string? Suffix, FlatKind Kind, FlatNode? Node, List<string> Branches)? Canonicalise(FlatSchema schema, string key)
    {
        var bar = key.IndexOf('|', key.LastIndexOf('/') + 1);
        var path = bar < 0 ? key : key[..bar];
        var suffix = bar < 0 ? null : key[(bar + 1)..];
        var segments = path.Split('/');
        if (segments[0] != schema.Root.Id) return null;
        var text = new StringBuilder(schema.Root.Id);
        FlatNode? node = schema.Root;
        var branches = new List<string>();
        for (var i = 1; i < segments.Length; i++)
        {
            var segment = segments[i];
            var colon = segment.IndexOf(':');
            var name = colon < 0 ? segment : segment[..colon];
            var index = colon < 0 ? 0 : int.Parse(segment[(colon + 1)..], CultureInfo.InvariantCulture);
            if (node is not null && branches.Count == 0 && node.Child(name) is { Addressable: true } child)
            {
                node = child;
                text.Append('/').Append(child.Id);
                if (child.IsMulti) text.Append(':').Append(index);
                continue;
            }

            if (node?.SingleValueChild is { } single && branches.Count == 0 && !name.StartsWith("_null", StringComparison.Ordinal)) node = single;
            branches.Add(name);
            text.Append('/').Append(name);
            if (ListBranches.Contains(name) || index > 0) text.Append(':').Append(index);
        }

        if (branches.Count == 0 && node?.SingleValueChild is { } value) node = value;
        return (text.ToString(), suffix, node?.Kind ?? FlatKind.Unsupported, node, branches);
    }
}
