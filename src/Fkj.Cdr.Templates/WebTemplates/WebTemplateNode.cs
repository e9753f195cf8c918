using Fkj.Cdr.Templates.Opt.Constraints;

namespace Fkj.Cdr.Templates.WebTemplates;

/// <summary>
/// One node of a web template: an archetyped object (OBSERVATION, CLUSTER, …), a data value standing
/// for its ELEMENT, or an RM attribute a form fills in (<c>time</c>, <c>language</c>, <c>composer</c>).
/// <see cref="Id"/> is the node's FLAT path segment, unique among its siblings.
/// </summary>
public sealed class WebTemplateNode
{
    private static readonly Dictionary<string, WebTemplateNode> NoChildren = new(StringComparer.Ordinal);

    private readonly Dictionary<string, WebTemplateNode> childrenById;
    private readonly Dictionary<string, WebTemplateNode>.AlternateLookup<ReadOnlySpan<char>> childrenBySpan;

    internal WebTemplateNode(IReadOnlyList<WebTemplateNode> children)
    {
        Children = children;
        childrenById = children.Count == 0 ? NoChildren : new Dictionary<string, WebTemplateNode>(children.Count, StringComparer.Ordinal);
        foreach (var child in children)
        {
            child.Parent = this;
            childrenById.TryAdd(child.Id, child);
        }

        childrenBySpan = childrenById.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The FLAT id: snake_case from the name, numbered (<c>time2</c>) where siblings would share it.</summary>
    public required string Id { get; init; }

    /// <summary>The name in the default language (the at-code's text, the template's fixed name, or the RM attribute name).</summary>
    public string? Name { get; init; }

    public string? LocalizedName { get; init; }

    /// <summary>The RM type, e.g. <c>OBSERVATION</c>, <c>DV_QUANTITY</c>, <c>DV_INTERVAL&lt;DV_COUNT&gt;</c>.</summary>
    public required string RmType { get; init; }

    /// <summary>The at-code or archetype id; null for RM attribute nodes.</summary>
    public string? NodeId { get; init; }

    public int Min { get; init; }

    /// <summary>The upper occurrence, -1 for unbounded.</summary>
    public int Max { get; init; }

    public IReadOnlyDictionary<string, string> LocalizedNames { get; init; } = Empty;

    public IReadOnlyDictionary<string, string> LocalizedDescriptions { get; init; } = Empty;

    /// <summary>Annotations from the template and the term's extra items (<c>comment</c>, …); null when none.</summary>
    public IReadOnlyDictionary<string, string>? Annotations { get; init; }

    /// <summary>The AQL path from the template root, with name predicates where siblings need them; empty for the root.</summary>
    public string AqlPath { get; init; } = "";

    public IReadOnlyList<WebTemplateInput> Inputs { get; init; } = [];

    /// <summary>True for context attributes a client usually gets from its context (time, language, composer, …).</summary>
    public bool? InContext { get; init; }

    /// <summary>Ids of sibling nodes this one depends on (Better's web templates; the SDK leaves it empty).</summary>
    public IReadOnlyList<string> DependsOn { get; init; } = [];

    /// <summary>Term bindings of the node's at-code by terminology (Better's web templates; the SDK leaves it empty).</summary>
    public IReadOnlyDictionary<string, WebTemplateTermBinding> TermBindings { get; init; } =
        new Dictionary<string, WebTemplateTermBinding>();

    /// <summary>For DV_PROPORTION: the allowed proportion kinds (<c>ratio</c>, <c>unitary</c>, <c>percent</c>, <c>fraction</c>, <c>integer_fraction</c>).</summary>
    public IReadOnlyList<string> ProportionTypes { get; init; } = [];

    /// <summary>Container cardinalities that constrain more than the children's occurrences.</summary>
    public IReadOnlyList<WebTemplateCardinality> Cardinalities { get; init; } = [];

    public IReadOnlyList<WebTemplateNode> Children { get; }

    public WebTemplateNode? Parent { get; private set; }

    /// <summary>The OPT constraint the node was made from; null for RM attributes the template does not constrain.</summary>
    public CObject? Constraint { get; init; }

    /// <summary>
    /// For a node that stands for an RM attribute (<c>time</c>, <c>subject</c>, …): the constraint of the
    /// object the attribute belongs to, e.g. the EVENT of an event's time, which the web template may
    /// not show as a node of its own. Null for other nodes and where that object is not constrained.
    /// </summary>
    public CObject? AttributeOf { get; init; }

    /// <summary>True where the node stands for an archetype slot left open in the template.</summary>
    public bool IsArchetypeSlot { get; init; }

    /// <summary>The child with FLAT id <paramref name="id"/>, or null.</summary>
    public WebTemplateNode? Child(string id) => childrenById.GetValueOrDefault(id);

    public WebTemplateNode? Child(ReadOnlySpan<char> id) => childrenBySpan.TryGetValue(id, out var child) ? child : null;

    /// <summary>The FLAT path of the node without indexes, e.g. <c>vital_signs/blood_pressure/any_event/systolic</c>.</summary>
    public string FlatPath => Parent is null ? Id : $"{Parent.FlatPath}/{Id}";

    public bool IsMulti => Max != 1;

    public IEnumerable<WebTemplateNode> Descendants(bool includeSelf = false)
    {
        var stack = new Stack<WebTemplateNode>();
        if (includeSelf) stack.Push(this);
        else
        {
            for (var i = Children.Count - 1; i >= 0; i--) stack.Push(Children[i]);
        }

        while (stack.TryPop(out var node))
        {
            yield return node;
            for (var i = node.Children.Count - 1; i >= 0; i--) stack.Push(node.Children[i]);
        }
    }

    public override string ToString() => $"{Id} [{RmType}] {AqlPath}";

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();
}

/// <summary>A term binding of a node or a coded value: the bound code in one terminology.</summary>
public sealed record WebTemplateTermBinding(string TerminologyId, string Value);

/// <summary>A cardinality the children's occurrences do not express: how many of <see cref="Ids"/> together.</summary>
public sealed record WebTemplateCardinality(int? Min, int? Max, IReadOnlyList<string> Ids);
