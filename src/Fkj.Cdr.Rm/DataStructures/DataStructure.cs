using Fkj.Cdr.Rm.Common;
using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.DataStructures;

/// <summary>DATA_STRUCTURE: root of the generic containers that archetypes shape into clinical data.</summary>
public abstract class DataStructure : Locatable
{
    public new static readonly RmType Meta = RmType.Abstract<DataStructure>("DATA_STRUCTURE");
}
