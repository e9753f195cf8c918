using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.DataTypes;

/// <summary>DATA_VALUE: the root of every value an ELEMENT can hold.</summary>
public abstract class DataValue : RmObject
{
    public static readonly RmType Meta = RmType.Abstract<DataValue>("DATA_VALUE");
}
