using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.DataStructures;

/// <summary>ITEM_STRUCTURE: root of the single, list, table and tree shapes of archetyped data.</summary>
public abstract class ItemStructure : DataStructure
{
    public new static readonly RmType Meta = RmType.Abstract<ItemStructure>("ITEM_STRUCTURE");
}
