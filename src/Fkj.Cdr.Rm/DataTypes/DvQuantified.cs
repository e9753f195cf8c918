using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.DataTypes;

/// <summary>DV_QUANTIFIED: an ordered value with a magnitude, optionally qualified as approximate or a bound.</summary>
/// <remarks>
/// The RM's <c>accuracy</c> is declared by the subclasses: a number on <see cref="DvAmount"/>, a
/// <see cref="DvDuration"/> on <see cref="DvTemporal"/>.
/// </remarks>
public abstract class DvQuantified : DvOrdered
{
    /// <summary>One of <c>=</c>, <c>&lt;</c>, <c>&gt;</c>, <c>&lt;=</c>, <c>&gt;=</c>, <c>~</c>; absent means <c>=</c>.</summary>
    public string? MagnitudeStatus { get; set; }

    public new static readonly RmType Meta = RmType.Abstract<DvQuantified>("DV_QUANTIFIED")
        .Text("magnitude_status", o => o.MagnitudeStatus, (o, v) => o.MagnitudeStatus = v);
}
