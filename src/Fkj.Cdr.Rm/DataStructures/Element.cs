using Fkj.Cdr.Rm.DataTypes;
using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.DataStructures;

/// <summary>ELEMENT: a leaf node holding one data value, or a null flavour saying why there is none.</summary>
public sealed class Element : Item
{
    public DataValue? Value { get; set; }

    public DvCodedText? NullFlavour { get; set; }

    /// <summary>Free-text explanation of the null flavour; added in RM 1.0.4, so it follows the older XML sequence.</summary>
    public DvText? NullReason { get; set; }

    public new static readonly RmType Meta = RmType.Concrete("ELEMENT", () => new Element())
        .Object<DataValue>("value", o => o.Value, (o, v) => o.Value = v)
        .Object<DvCodedText>("null_flavour", o => o.NullFlavour, (o, v) => o.NullFlavour = v)
        .Object<DvText>("null_reason", o => o.NullReason, (o, v) => o.NullReason = v);

    public override RmType RmType => Meta;
}
