namespace Fkj.Cdr.Templates.Flat;

/// <summary>How FLAT reads and writes a web template node: as a container of other nodes, or as one kind of value.</summary>
internal enum FlatKind : byte
{
    /// <summary>Not addressable in FLAT (an RM attribute hoisted out of an optional object, an RM type FLAT has no form for).</summary>
    Unsupported,

    /// <summary>A container: COMPOSITION, SECTION, the entries, ACTIVITY, EVENT, CLUSTER, an ELEMENT with value choices, EVENT_CONTEXT, ISM_TRANSITION.</summary>
    Complex,

    /// <summary>DV_INTERVAL&lt;T&gt;: a container of <c>lower</c> and <c>upper</c> with flags as suffixes.</summary>
    Interval,

    Text,
    CodedText,
    Quantity,
    Count,
    Proportion,
    Ordinal,
    Scale,
    Boolean,
    DateTime,
    Date,
    Time,
    Duration,
    Identifier,
    Uri,
    EhrUri,
    Multimedia,
    Parsable,
    State,

    /// <summary>CODE_PHRASE: <c>language</c>, <c>territory</c>, <c>encoding</c>.</summary>
    CodePhrase,

    /// <summary>PARTY_PROXY and its subtypes: <c>composer</c>, <c>subject</c>.</summary>
    Party,

    /// <summary>An RM String attribute, e.g. ACTIVITY.action_archetype_id.</summary>
    String,

    /// <summary>An RM Integer attribute.</summary>
    Integer,

    /// <summary>An RM Boolean attribute.</summary>
    BooleanAttribute,
}

internal static class FlatKinds
{
    /// <summary>The kind of an RM type name as web templates write it (<c>DV_INTERVAL&lt;DV_COUNT&gt;</c> included).</summary>
    public static FlatKind Of(string rmTypeName) => rmTypeName switch
    {
        "DV_TEXT" => FlatKind.Text,
        "DV_CODED_TEXT" => FlatKind.CodedText,
        "DV_QUANTITY" => FlatKind.Quantity,
        "DV_COUNT" => FlatKind.Count,
        "DV_PROPORTION" => FlatKind.Proportion,
        "DV_ORDINAL" => FlatKind.Ordinal,
        "DV_SCALE" => FlatKind.Scale,
        "DV_BOOLEAN" => FlatKind.Boolean,
        "DV_DATE_TIME" => FlatKind.DateTime,
        "DV_DATE" => FlatKind.Date,
        "DV_TIME" => FlatKind.Time,
        "DV_DURATION" => FlatKind.Duration,
        "DV_IDENTIFIER" => FlatKind.Identifier,
        "DV_URI" => FlatKind.Uri,
        "DV_EHR_URI" => FlatKind.EhrUri,
        "DV_MULTIMEDIA" => FlatKind.Multimedia,
        "DV_PARSABLE" => FlatKind.Parsable,
        "DV_STATE" => FlatKind.State,
        "CODE_PHRASE" => FlatKind.CodePhrase,
        "PARTY_PROXY" or "PARTY_SELF" or "PARTY_IDENTIFIED" or "PARTY_RELATED" => FlatKind.Party,
        "STRING" => FlatKind.String,
        "LONG" or "INTEGER" => FlatKind.Integer,
        "BOOLEAN" => FlatKind.BooleanAttribute,
        "COMPOSITION" or "SECTION" or "OBSERVATION" or "EVALUATION" or "INSTRUCTION" or "ACTION" or "ADMIN_ENTRY"
            or "GENERIC_ENTRY" or "ACTIVITY" or "CLUSTER" or "ELEMENT" or "HISTORY" or "EVENT" or "POINT_EVENT"
            or "INTERVAL_EVENT" or "ITEM_TREE" or "ITEM_LIST" or "ITEM_SINGLE" or "ITEM_TABLE" or "EVENT_CONTEXT"
            or "ISM_TRANSITION" => FlatKind.Complex,
        _ when rmTypeName.StartsWith("DV_INTERVAL", StringComparison.Ordinal) => FlatKind.Interval,
        _ => FlatKind.Unsupported,
    };

    /// <summary>Whether the kind is a data value (read and written through suffixes).</summary>
    public static bool IsDataValue(this FlatKind kind) => kind is >= FlatKind.Text and <= FlatKind.State;

    /// <summary>Whether a node of this kind is a leaf: its values are suffixes, its children (if any) RM attributes.</summary>
    public static bool IsLeaf(this FlatKind kind) => kind >= FlatKind.Text;
}
