namespace Fkj.Cdr.Templates.Flat;

/// <summary>
/// The <c>ctx/…</c> keys of a FLAT document: values a client gives once for the whole composition
/// (language, territory, composer, time, setting, health care facility, participations, workflow id),
/// which the decoder uses wherever the document itself does not give them, as the openEHR SDK does.
/// </summary>
internal sealed class FlatContext(FlatProblems problems)
{
    /// <summary>The <c>ctx/</c> keys with one value each.</summary>
    private static readonly HashSet<string> Simple = new(StringComparer.Ordinal)
    {
        "language", "territory", "composer_name", "composer_id", "composer_self", "id_namespace", "id_scheme", "time",
        "end_time", "history_origin", "action_time", "activity_timing", "provider_name", "provider_id",
        "health_care_facility|name", "health_care_facility|id", "health_care_facility|id_scheme", "health_care_facility|id_namespace",
        "action_ism_transition_current_state", "instruction_narrative", "location", "setting",
        "work_flow_id|id", "work_flow_id|id_scheme", "work_flow_id|namespace", "work_flow_id|type",
    };

    /// <summary>The fields of <c>ctx/participation_*</c>, each with an optional <c>:index</c>.</summary>
    private static readonly string[] ParticipationFields = ["name", "function", "mode", "id", "id_namespace", "id_scheme"];

    private readonly Dictionary<string, FlatValue> values = new(StringComparer.Ordinal);
    private SortedDictionary<int, FlatBag>? participations;

    public bool IsEmpty => values.Count == 0 && participations is null;

    public void Add(ReadOnlySpan<char> key, FlatValue value)
    {
        var text = key.ToString();
        if (Simple.Contains(text))
        {
            if (!values.TryAdd(text, value))
                problems.Add(FlatErrorCodes.DuplicateKey, $"'{value.Key}' is given twice", value);
            return;
        }

        if (text.StartsWith("participation_", StringComparison.Ordinal) && AddParticipation(text["participation_".Length..], value)) return;
        problems.Add(FlatErrorCodes.UnknownPath, $"'{value.Key}' is not a ctx key FLAT knows", value);
    }

    /// <summary>
    /// <c>participation_name:1</c> → participation 1, field name; <c>participation_identifiers:1|id:0</c> →
    /// participation 1, identifier 0, field id; <c>participation_identifiers:1</c> → the compact
    /// <c>issuer::assigner::id::type;…</c> form. Each participation becomes a bag read like <c>_participation:N</c>.
    /// </summary>
    private bool AddParticipation(string rest, FlatValue value)
    {
        var bar = rest.IndexOf('|');
        var head = bar < 0 ? rest : rest[..bar];
        if (!FlatInput.ParseSegment(head, out var nameSpan, out var index, out _)) return false;
        var name = nameSpan.ToString();
        participations ??= [];
        if (!participations.TryGetValue(index, out var bag))
        {
            bag = new ContextBag($"ctx/participation:{index}");
            participations[index] = bag;
        }

        bool added;
        if (name == "identifiers")
        {
            if (bar < 0)
            {
                added = bag.Add("identifiers_compact", value);
            }
            else
            {
                // |id:0 → identifiers_id:0, the form _participation uses.
                added = bag.Add($"identifiers_{rest[(bar + 1)..]}", value);
            }
        }
        else
        {
            if (bar >= 0 || !ParticipationFields.Contains(name)) return false;
            added = bag.Add(name, value);
        }

        if (!added) problems.Add(FlatErrorCodes.DuplicateKey, $"'{value.Key}' is given twice", value);
        return true;
    }

    /// <summary>The value of <c>ctx/<paramref name="key"/></c> (not JSON null), marked as used; null when absent.</summary>
    public FlatValue? Take(string key)
    {
        if (!values.TryGetValue(key, out var value) || value.IsNull) return null;
        value.Consumed = true;
        return value;
    }

    public bool Has(string key) => values.TryGetValue(key, out var value) && !value.IsNull;

    /// <summary>The <c>ctx/participation_*</c> participations by index, each as a bag of participation fields.</summary>
    public IEnumerable<FlatBag> Participations() => (IEnumerable<FlatBag>?)participations?.Values ?? [];

    public bool HasParticipations => participations is { Count: > 0 };

    private sealed class ContextBag(string path) : FlatBag
    {
        public override string Path => path;
    }
}
