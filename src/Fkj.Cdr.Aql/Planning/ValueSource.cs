using Fkj.Cdr.Aql.Syntax;
using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Aql.Planning;

/// <summary>How the values of a path are found.</summary>
public enum SourceKind
{
    /// <summary>In the variable's own node: the path has no LOCATABLE step, its value is read from the document at the variable's node.</summary>
    Self,
    /// <summary>One leaf row per value: the path reaches a data value that the query index holds.</summary>
    Leaf,
    /// <summary>One row per node instance the path reaches (a LOCATABLE, or a part of one), read from the document.</summary>
    Node,
    /// <summary>A column of the EHR (ehr_id, time_created, system_id) or of its subject.</summary>
    Ehr,
    /// <summary>A column of the version or its contribution (uid, commit time, committer, lifecycle state).</summary>
    Version,
}

/// <summary>The typed column of the query index that holds a value, if any.</summary>
public enum LeafColumn
{
    None,
    Num,
    Text,
    Term,
}

/// <summary>How a number in the <c>num</c> column reads: a plain number, a boolean, a date-time or date instant, a time of day.</summary>
public enum NumMeaning
{
    Number,
    Integer,
    Boolean,
    Instant,
    Date,
    TimeOfDay,
}

/// <summary>
/// One path of the query (SELECT, WHERE, ORDER BY) bound to where its values are: a join of its own (one row
/// per value, so several values give one row per combination), or the variable's own node.
/// </summary>
public sealed class ValueSource
{
    public required int Index { get; init; }

    public required PlanVariable Owner { get; init; }

    /// <summary>The path below the variable (empty for the variable itself).</summary>
    public required IReadOnlyList<PathPart> Parts { get; init; }

    public required SourceKind Kind { get; init; }

    /// <summary>(path id, anchor depth, tail start): the catalogued paths, the depth of the LOCATABLE the value is read from, and the first path part below it.</summary>
    public IReadOnlyList<(int PathId, int AnchorDepth, int TailStart)> Matches { get; init; } = [];

    /// <summary>Tail start by path id, for reading a row's value from the document.</summary>
    public IReadOnlyDictionary<int, int> TailStarts { get; init; } = new Dictionary<int, int>();

    /// <summary>The index column that holds the value exactly, if one does.</summary>
    public LeafColumn Column { get; init; }

    public NumMeaning Meaning { get; init; }

    /// <summary>The RM type the path ends at (null for a primitive attribute).</summary>
    public RmType? EndType { get; init; }

    /// <summary>The data value type of a leaf (DV_QUANTITY), when every match has the same.</summary>
    public string? DataValueTypeName { get; init; }

    /// <summary>For <see cref="SourceKind.Ehr"/> and <see cref="SourceKind.Version"/>: which column.</summary>
    public string? SpecialColumn { get; init; }

    /// <summary>Whether the path leaves what the index walks (an attribute such as <c>location</c>, <c>name</c>): its value and its existence are only in the document.</summary>
    public bool Unindexed { get; init; }

    /// <summary>Whether a leaf path goes on inside the data value (<c>value/magnitude</c>, <c>value/normal_range</c>), which may lack what it names.</summary>
    public bool InsideValue { get; init; }

    /// <summary>The kind of the last attribute (a text, a number, an object): how a value read from the document compares.</summary>
    public RmAttributeKind? EndKind { get; init; }

    /// <summary>Names a path's steps demand of the LOCATABLEs a leaf row passes (<c>items[at0004, 'Systolic']</c>): the depth of each, and the name.</summary>
    public IReadOnlyList<(int Depth, AqlExpression Name)> NamedSteps { get; init; } = [];

    /// <summary>For an EHR path into the EHR_STATUS document (<c>ehr_status/other_details/...</c>): the parts below <c>ehr_status</c>.</summary>
    public IReadOnlyList<PathPart>? StatusPath { get; init; }

    /// <summary>Whether the value is read from the owner's document.</summary>
    public bool NeedsDocument { get; set; }

    public required AqlSpan Span { get; init; }

    public string Alias => $"s{Index}";
}
