using Fkj.Cdr.Rm.Common;
using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Templates.Flat;

/// <summary>
/// One occurrence of a web template node in a FLAT document (<c>blood_pressure:1</c>): its values and
/// non-template branches, its child occurrences, and while decoding the RM object made for it and the
/// intermediate objects (HISTORY, ITEM_TREE, …) its children share.
/// </summary>
internal sealed class FlatInstance(FlatNode node, int index, FlatInstance? parent) : FlatBag
{
    private const int IndexThreshold = 8;

    private List<FlatInstance>? children;
    private Dictionary<(FlatNode Node, int Index), FlatInstance>? childIndex;

    public FlatNode Node { get; } = node;

    public int Index { get; } = index;

    public FlatInstance? Parent { get; } = parent;

    public IReadOnlyList<FlatInstance> Children => (IReadOnlyList<FlatInstance>?)children ?? [];

    public bool HasChildren => children is { Count: > 0 };

    /// <summary>The RM object decoded for this occurrence.</summary>
    public RmObject? Object { get; set; }

    /// <summary>The intermediate objects the children share, by the slot numbers of <see cref="FlatNode.SlotCount"/>.</summary>
    public RmObject?[]? Slots { get; set; }

    /// <summary>For a data value standing for its ELEMENT: that ELEMENT.</summary>
    public Locatable? Element { get; set; }

    public override string Path =>
        Parent is null ? Node.Id : $"{Parent.Path}/{Node.Id}{(Node.IsMulti ? $":{Index}" : "")}";

    public FlatInstance Child(FlatNode node, int index)
    {
        if (childIndex is not null)
        {
            if (childIndex.TryGetValue((node, index), out var indexed)) return indexed;
        }
        else if (children is not null)
        {
            foreach (var c in children)
            {
                if (c.Index == index && ReferenceEquals(c.Node, node)) return c;
            }
        }

        var child = new FlatInstance(node, index, this);
        children ??= new List<FlatInstance>(4);
        children.Add(child);
        if (childIndex is not null) childIndex[(node, index)] = child;
        else if (children.Count > IndexThreshold)
        {
            childIndex = new Dictionary<(FlatNode, int), FlatInstance>(children.Count * 2);
            foreach (var c in children) childIndex[(c.Node, c.Index)] = c;
        }

        return child;
    }

    /// <summary>The children in template order, each node's occurrences by index.</summary>
    public List<FlatInstance> OrderedChildren()
    {
        var list = new List<FlatInstance>(children!);
        if (list.Count > 1)
            list.Sort(static (a, b) => a.Node.Order != b.Node.Order ? a.Node.Order.CompareTo(b.Node.Order) : a.Index.CompareTo(b.Index));
        return list;
    }

    /// <summary>The first value in this occurrence or below, children included: where a message about it is located.</summary>
    public override FlatValue? FirstValue()
    {
        if (base.FirstValue() is { } own) return own;
        if (children is null) return null;
        foreach (var child in children)
        {
            if (child.FirstValue() is { } value) return value;
        }

        return null;
    }

    /// <summary>Whether this occurrence has a child of the node with id <paramref name="id"/>.</summary>
    public bool HasChild(string id)
    {
        if (children is null) return false;
        foreach (var c in children)
        {
            if (c.Node.Id == id) return true;
        }

        return false;
    }
}
