using Fkj.Cdr.Aql.Syntax;
using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Aql.Planning;

/// <summary>What a FROM variable stands for, and so how its instances are found.</summary>
public enum VariableKind
{
    /// <summary>An EHR: a row of the ehr table.</summary>
    Ehr,
    /// <summary>A VERSION: a row of object_version (the latest ones unless ALL_VERSIONS).</summary>
    Version,
    /// <summary>A node of a document (COMPOSITION, ENTRY, CLUSTER, EVENT_CONTEXT, ...): found through the leaf rows below it.</summary>
    Node,
    /// <summary>A FOLDER of an EHR's directory: found by walking the directory's document (its items are references, not leaf values).</summary>
    Folder,
}

/// <summary>
/// A condition a FROM predicate puts on each instance of a variable, beyond its archetype or node id: a name
/// (<c>[at0001, 'Systolic']</c>) or a standard predicate (<c>[name/value = $name]</c>). <see cref="Path"/> is below the
/// variable's node and read from the document; <see cref="Value"/> is a literal or a parameter.
/// </summary>
public sealed record InstanceFilter(IReadOnlyList<PathPart> Path, ComparisonOperator Operator, AqlExpression Value)
{
    /// <summary>What the path ends at (a text, a number, a boolean), which the value is converted to.</summary>
    public RmAttributeKind? Kind { get; init; }
}

/// <summary>
/// A variable of the FROM clause after analysis: its class, archetype, container, and the catalogued paths
/// through which its instances are found, each with the depth of the variable's node on it.
/// </summary>
public sealed class PlanVariable
{
    public required string Name { get; init; }

    /// <summary>Its number in the plan; SQL columns of its instance are <c>v{Index}_e</c>, <c>_vk</c>, <c>_p</c>.</summary>
    public required int Index { get; init; }

    public required VariableKind Kind { get; init; }

    /// <summary>The RM type named (for EHR and VERSION, their own).</summary>
    public required RmType Type { get; init; }

    public string? ArchetypeId { get; init; }

    public PlanVariable? Parent { get; init; }

    public required AqlSpan Span { get; init; }

    /// <summary>Whether its node is a LOCATABLE (has a pre-order number of its own); EVENT_CONTEXT is not.</summary>
    public bool IsLocatable { get; init; }

    /// <summary>Conditions from the FROM predicate that the instance's document must meet (names, standard predicates).</summary>
    public IReadOnlyList<InstanceFilter> Filters { get; init; } = [];

    /// <summary>Declared inside a NOT CONTAINS: it only excludes, and has no values.</summary>
    public bool Excluded { get; set; }

    /// <summary>Only the latest version of each object (no VERSION [ALL_VERSIONS] above it).</summary>
    public bool LatestOnly { get; init; } = true;

    /// <summary>The (path id, depth) pairs that find a <see cref="VariableKind.Node"/> variable's instances.</summary>
    public IReadOnlyList<(int PathId, int Depth)> Instances { get; set; } = [];

    /// <summary>
    /// For a variable that is not a LOCATABLE (EVENT_CONTEXT): the attributes from the LOCATABLE that holds it down
    /// to it (<c>context</c>), since its values are read from the document below that LOCATABLE.
    /// </summary>
    public IReadOnlyList<string> Approach { get; set; } = [];

    /// <summary>
    /// The variable whose version the document of this one is: the top of its chain below the EHR (or VERSION), up to
    /// a whole document (a COMPOSITION inside a FOLDER is a document of its own, not part of the directory's).
    /// </summary>
    public PlanVariable VersionOwner
    {
        get
        {
            var v = this;
            while (v.Parent is { Kind: VariableKind.Node or VariableKind.Folder } p && !v.IsDocumentType) v = p;
            return v;
        }
    }

    /// <summary>Whether the class is a whole document (COMPOSITION, EHR_STATUS).</summary>
    public bool IsDocumentType => Type.Name is "COMPOSITION" or "EHR_STATUS";

    public override string ToString() => $"{Type.Name} {Name}";
}
