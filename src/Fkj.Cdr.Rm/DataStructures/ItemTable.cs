using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.DataStructures;

/// <summary>ITEM_TABLE: a table whose rows are clusters of elements, one element per column.</summary>
public sealed class ItemTable : ItemStructure
{
    public List<Cluster>? Rows { get; set; }

    public new static readonly RmType Meta = RmType.Concrete("ITEM_TABLE", () => new ItemTable())
        .List<Cluster>("rows", o => o.Rows, (o, v) => o.Rows = v);

    public override RmType RmType => Meta;
}
