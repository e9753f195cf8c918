using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.DataStructures;

/// <summary>ITEM_LIST: an ordered list of elements.</summary>
public sealed class ItemList : ItemStructure
{
    public List<Element>? Items { get; set; }

    public new static readonly RmType Meta = RmType.Concrete("ITEM_LIST", () => new ItemList())
        .List<Element>("items", o => o.Items, (o, v) => o.Items = v);

    public override RmType RmType => Meta;
}
