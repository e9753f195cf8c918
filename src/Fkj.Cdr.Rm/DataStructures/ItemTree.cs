using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.DataStructures;

/// <summary>ITEM_TREE: a hierarchy of clusters and elements; the most common item structure.</summary>
public sealed class ItemTree : ItemStructure
{
    public List<Item>? Items { get; set; }

    public new static readonly RmType Meta = RmType.Concrete("ITEM_TREE", () => new ItemTree())
        .List<Item>("items", o => o.Items, (o, v) => o.Items = v);

    public override RmType RmType => Meta;
}
