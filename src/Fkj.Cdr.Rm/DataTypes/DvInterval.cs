using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.DataTypes;

/// <summary>DV_INTERVAL: an interval of ordered values, e.g. a normal range.</summary>
/// <remarks>
/// The RM declares DV_INTERVAL&lt;T: DV_ORDERED&gt;; the wire formats only ever name the bare type
/// (or ignore the parameter), so the bounds are typed as <see cref="DvOrdered"/> and a validator
/// checks that both are of the same kind.
/// </remarks>
public sealed class DvInterval : DataValue
{
    public DvOrdered? Lower { get; set; }

    public DvOrdered? Upper { get; set; }

    /// <summary>Absent when the sender left it out; the RM then reads an unbounded side as excluded.</summary>
    public bool? LowerIncluded { get; set; }

    public bool? UpperIncluded { get; set; }

    public bool LowerUnbounded { get; set; }

    public bool UpperUnbounded { get; set; }

    // ITS-JSON requires all four flags, but the XSD lets lower_included/upper_included be absent and
    // EHRbase writes intervals without them, so they are optional here to keep such data as sent.
    public new static readonly RmType Meta = RmType.Concrete("DV_INTERVAL", () => new DvInterval())
        .Object<DvOrdered>("lower", o => o.Lower, (o, v) => o.Lower = v)
        .Object<DvOrdered>("upper", o => o.Upper, (o, v) => o.Upper = v)
        .Boolean("lower_included", o => o.LowerIncluded, (o, v) => o.LowerIncluded = v)
        .Boolean("upper_included", o => o.UpperIncluded, (o, v) => o.UpperIncluded = v)
        .Boolean("lower_unbounded", o => o.LowerUnbounded, (o, v) => o.LowerUnbounded = v, required: true)
        .Boolean("upper_unbounded", o => o.UpperUnbounded, (o, v) => o.UpperUnbounded = v, required: true);

    public override RmType RmType => Meta;
}
