using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.DataStructures;

/// <summary>ITEM_SINGLE: a structure of exactly one element.</summary>
public sealed class ItemSingle : ItemStructure
{
    public Element Item { get; set; } = null!;

    public new static readonly RmType Meta = RmType.Concrete("ITEM_SINGLE", () => new ItemSingle())
        .Object<Element>("item", o => o.Item, (o, v) => o.Item = v, required: true);

    public override RmType RmType => Meta;
}
