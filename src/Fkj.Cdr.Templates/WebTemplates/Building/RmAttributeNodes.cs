using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Templates.WebTemplates.Building;

/// <summary>
/// The RM attributes a web template shows although the template may not constrain them (an entry's
/// <c>subject</c>, <c>language</c> and <c>encoding</c>, an event's <c>time</c>, …), and which of them a
/// client usually takes from its context (<c>inContext</c>).
/// </summary>
/// <remarks>
/// The SDK adds every non-computed, non-LOCATABLE attribute of PATHABLE types and drops the optional
/// ones again when filtering, except <c>context</c>, <c>timing</c>, <c>expiry_time</c> and
/// <c>transition</c>. Only what survives is listed here, with the optional attributes whose children
/// survive (INSTRUCTION_DETAILS). The order per type is the SDK's: the iteration order of Archie's
/// attribute hash map, which the web template's child order and the FLAT examples follow.
/// </remarks>
internal static class RmAttributeNodes
{
    /// <summary>An RM attribute shown as a node: name, RM type, whether optional, whether a list.</summary>
    public sealed record Attribute(string Name, string RmType, bool Nullable = false, bool Multiple = false);

    private static readonly Attribute Subject = new("subject", "PARTY_PROXY");
    private static readonly Attribute Language = new("language", "CODE_PHRASE");
    private static readonly Attribute Encoding = new("encoding", "CODE_PHRASE");
    private static readonly Attribute Time = new("time", "DV_DATE_TIME");

    private static readonly Dictionary<string, Attribute[]> ByType = new(StringComparer.Ordinal)
    {
        ["COMPOSITION"] =
        [
            new("composer", "PARTY_PROXY"), Language, new("context", "EVENT_CONTEXT", Nullable: true),
            new("category", "DV_CODED_TEXT"), new("territory", "CODE_PHRASE"),
        ],
        ["EVENT_CONTEXT"] = [new("start_time", "DV_DATE_TIME"), new("setting", "DV_CODED_TEXT")],
        ["OBSERVATION"] = [Subject, Language, Encoding],
        ["EVALUATION"] = [Subject, Language, Encoding],
        ["ADMIN_ENTRY"] = [Subject, Language, Encoding],
        ["GENERIC_ENTRY"] = [],
        ["INSTRUCTION"] =
            [Subject, new("narrative", "DV_TEXT"), Language, Encoding, new("expiry_time", "DV_DATE_TIME", Nullable: true)],
        ["ACTION"] =
        [
            new("ism_transition", "ISM_TRANSITION"), Subject, Language, Encoding,
            new("instruction_details", "INSTRUCTION_DETAILS", Nullable: true), Time,
        ],
        ["ACTIVITY"] = [new("timing", "DV_PARSABLE", Nullable: true), new("action_archetype_id", "STRING")],
        ["ISM_TRANSITION"] =
        [
            new("current_state", "DV_CODED_TEXT"), new("careflow_step", "DV_CODED_TEXT", Nullable: true),
            new("transition", "DV_CODED_TEXT", Nullable: true),
        ],
        ["INSTRUCTION_DETAILS"] = [new("activity_id", "STRING"), new("instruction_id", "LOCATABLE_REF")],
        ["EVENT"] = [Time],
        ["POINT_EVENT"] = [Time],
        ["INTERVAL_EVENT"] = [new("math_function", "DV_CODED_TEXT"), new("width", "DV_DURATION"), Time],
        ["EHR_STATUS"] = [new("is_queryable", "BOOLEAN"), new("subject", "PARTY_SELF"), new("is_modifiable", "BOOLEAN")],
    };

    /// <summary>The RM attribute nodes of <paramref name="rmType"/> in the SDK's order; empty for types without any.</summary>
    public static IReadOnlyList<Attribute> Of(string rmType) =>
        ByType.TryGetValue(Generic(rmType), out var attributes) ? attributes : [];

    /// <summary>True where the RM type has an attribute of that name (the filter drops optional ones).</summary>
    public static bool HasAttribute(string rmType, string? name) =>
        name is not null && RmModel.Find(rmType)?.FindAttribute(name) is not null;

    private static readonly (RmType Type, string[] Attributes)[] ContextAttributes =
    [.. new (string Type, string[] Attributes)[]
    {
        ("LOCATABLE", ["language"]),
        ("ACTION", ["time"]),
        ("ACTIVITY", ["timing", "action_archetype_id"]),
        ("INSTRUCTION", ["narrative"]),
        ("ISM_TRANSITION", ["current_state", "careflow_step", "transition"]),
        ("HISTORY", ["origin"]),
        ("EVENT", ["time"]),
        ("ENTRY", ["language", "provider", "other_participations", "subject", "encoding"]),
        // healthCareFacility is spelled so in the SDK and so never matches a node id.
        ("EVENT_CONTEXT", ["start_time", "end_time", "location", "setting", "healthCareFacility", "participations"]),
        ("COMPOSITION", ["language", "territory", "composer", "category"]),
    }.Select(c => (RmModel.Get(c.Type), c.Attributes))];

    /// <summary>True where a child with this id is context of a node of <paramref name="parentRmType"/>.</summary>
    public static bool IsInContext(string parentRmType, string childId)
    {
        if (RmModel.Find(parentRmType) is not { } type) return false;
        foreach (var (contextType, attributes) in ContextAttributes)
        {
            if (type.IsSubtypeOf(contextType) && attributes.Contains(childId, StringComparer.Ordinal)) return true;
        }

        return false;
    }

    public static bool IsLocatable(string rmType) =>
        RmModel.Find(rmType) is { } type && type.IsSubtypeOf(LocatableType);

    public static bool IsEvent(string rmType) => RmModel.Find(rmType) is { } type && type.IsSubtypeOf(EventType);

    private static readonly RmType LocatableType = RmModel.Get("LOCATABLE");
    private static readonly RmType EventType = RmModel.Get("EVENT");

    private static string Generic(string rmType)
    {
        var lt = rmType.IndexOf('<');
        return lt < 0 ? rmType : rmType[..lt].TrimEnd();
    }
}
