using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.DataTypes;

/// <summary>DV_ORDERED: a value with a total order, which may carry its normal and other reference ranges.</summary>
public abstract class DvOrdered : DataValue
{
    public DvInterval? NormalRange { get; set; }

    public List<ReferenceRange>? OtherReferenceRanges { get; set; }

    public CodePhrase? NormalStatus { get; set; }

    public new static readonly RmType Meta = RmType.Abstract<DvOrdered>("DV_ORDERED")
        .Object<DvInterval>("normal_range", o => o.NormalRange, (o, v) => o.NormalRange = v)
        .List<ReferenceRange>("other_reference_ranges", o => o.OtherReferenceRanges, (o, v) => o.OtherReferenceRanges = v)
        .Object<CodePhrase>("normal_status", o => o.NormalStatus, (o, v) => o.NormalStatus = v);
}
