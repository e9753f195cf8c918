using Fkj.Cdr.Rm.Common;
using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.DataStructures;

/// <summary>ITEM: root of the nodes of item structures, clusters and elements.</summary>
public abstract class Item : Locatable
{
    public new static readonly RmType Meta = RmType.Abstract<Item>("ITEM");
}
