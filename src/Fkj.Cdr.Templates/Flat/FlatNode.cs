using Fkj.Cdr.Rm.DataTypes;
using Fkj.Cdr.Rm.Meta;
using Fkj.Cdr.Templates.WebTemplates;

namespace Fkj.Cdr.Templates.Flat;

/// <summary>
/// A web template node as FLAT uses it, precomputed once per template: its kind, the RM steps from its
/// parent's object to its own, how many intermediate objects its children share, its children by id,
/// and the code lists, units and proportion kinds its values are read with.
/// </summary>
internal sealed class FlatNode
{
    private static readonly Dictionary<string, FlatNode> NoChildren = new(StringComparer.Ordinal);

    private Dictionary<string, FlatNode> childrenById = NoChildren;
    private Dictionary<string, FlatNode>.AlternateLookup<ReadOnlySpan<char>> childrenBySpan = NoChildren.GetAlternateLookup<ReadOnlySpan<char>>();

    public required WebTemplateNode Source { get; init; }

    public string Id => Source.Id;

    public FlatNode? Parent { get; init; }

    /// <summary>The position among the parent's children: template order.</summary>
    public int Order { get; init; }

    public required FlatKind Kind { get; init; }

    /// <summary>The RM type of the node (null for primitive attributes); may be abstract (EVENT, PARTY_PROXY).</summary>
    public RmType? RmType { get; init; }

    /// <summary>For DV_INTERVAL&lt;T&gt;: the kind of T.</summary>
    public FlatKind ElementKind { get; init; }

    public bool IsMulti => Source.Max != 1;

    /// <summary>False for nodes FLAT does not address: their keys are unknown paths.</summary>
    public bool Addressable { get; init; }

    /// <summary>The steps from the parent's object; the last is the node's own attribute.</summary>
    public FlatStep[] Steps { get; init; } = [];

    /// <summary>For a data value standing for its ELEMENT: the index of that ELEMENT's step; else -1.</summary>
    public int ElementStep { get; init; } = -1;

    /// <summary>The intermediate objects that the children of one occurrence of this node share.</summary>
    public int SlotCount { get; set; }

    public FlatNode[] Children { get; private set; } = [];

    /// <summary>
    /// For an ELEMENT node with one value alternative (beside RM attributes such as a constrained null flavour):
    /// that value's node. FLAT writes such a value at the ELEMENT's own path, as the SDK treats the ELEMENT as left out.
    /// </summary>
    public FlatNode? SingleValueChild { get; private set; }

    private Dictionary<string, FlatNode>? aliases;
    private Dictionary<string, FlatNode>.AlternateLookup<ReadOnlySpan<char>> aliasesBySpan;

    /// <summary>The name of the node's object (or of its ELEMENT) when the document does not rename it.</summary>
    public DvText? DefaultName { get; init; }

    /// <summary>The node id of the node's object (at-code or archetype id); null for RM attributes.</summary>
    public string? NodeId { get; init; }

    /// <summary>Codes the node's coded values take (<c>code</c> input, or the ordinal list), with labels.</summary>
    public IReadOnlyList<WebTemplateInputValue> Codes { get; init; } = [];

    /// <summary>The terminology of the node's codes when the template states it.</summary>
    public string? CodeTerminology { get; init; }

    /// <summary>For a coded RM attribute (category, setting, math_function, current_state, …): its openEHR terminology group.</summary>
    public string? OpenEhrGroup { get; init; }

    /// <summary>True where a DV_CODED_TEXT also takes free text (<c>|other</c>).</summary>
    public bool HasOther { get; init; }

    /// <summary>Units a DV_QUANTITY may have.</summary>
    public IReadOnlyList<WebTemplateInputValue> Units { get; init; } = [];

    /// <summary>Proportion kinds a DV_PROPORTION may have (<c>ratio</c>, <c>unitary</c>, …).</summary>
    public IReadOnlyList<string> ProportionTypes { get; init; } = [];

    /// <summary>
    /// For a DV_TEXT node: whether a DV_CODED_TEXT belongs here (no sibling DV_CODED_TEXT choice at the same
    /// path). For DV_URI: whether a DV_EHR_URI does. Used when writing.
    /// </summary>
    public bool AcceptsSubtype { get; set; } = true;

    /// <summary>The child with FLAT id <paramref name="id"/>: the web template id, or the SDK's numbering of it (see <see cref="SetAliases"/>).</summary>
    public FlatNode? Child(ReadOnlySpan<char> id) =>
        childrenBySpan.TryGetValue(id, out var child) ? child
        : aliases is not null && aliasesBySpan.TryGetValue(id, out var alias) ? alias
        : null;

    public FlatNode? Child(string id) => Child(id.AsSpan());

    /// <summary>The code list entry for <paramref name="code"/>, or null.</summary>
    public WebTemplateInputValue? Code(string code)
    {
        foreach (var value in Codes)
        {
            if (value.Value == code) return value;
        }

        return null;
    }

    /// <summary>The code list entry labelled <paramref name="label"/>, or null.</summary>
    public WebTemplateInputValue? CodeByLabel(string label)
    {
        foreach (var value in Codes)
        {
            if (value.Label == label) return value;
        }

        foreach (var value in Codes)
        {
            foreach (var localized in value.LocalizedLabels.Values)
            {
                if (localized == label) return value;
            }
        }

        return null;
    }

    /// <summary>
    /// Other ids children are known by: the SDK numbers siblings that share an id among the nodes it meets, so a
    /// node the web template numbers (<c>test_result2</c>, because the full template had another <c>test_result</c>
    /// there) may appear in FLAT written by the SDK without the number.
    /// </summary>
    internal void SetAliases(Dictionary<string, FlatNode> map)
    {
        if (map.Count == 0) return;
        aliases = map;
        aliasesBySpan = map.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    internal IReadOnlyDictionary<string, FlatNode> Aliases => (IReadOnlyDictionary<string, FlatNode>?)aliases ?? new Dictionary<string, FlatNode>();

    internal void SetSingleValueChild(FlatNode? child) => SingleValueChild = child;

    internal void SetChildren(FlatNode[] children)
    {
        Children = children;
        if (children.Length == 0) return;
        childrenById = new Dictionary<string, FlatNode>(children.Length, StringComparer.Ordinal);
        foreach (var child in children) childrenById.TryAdd(child.Id, child);
        childrenBySpan = childrenById.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public override string ToString() => $"{Id} [{Source.RmType}] {Source.AqlPath}";
}
