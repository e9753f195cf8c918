using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.DataTypes;

/// <summary>DV_DURATION: an ISO 8601 duration such as <c>P1Y2M</c> or <c>PT30M</c>.</summary>
/// <remarks>A duration is an amount, not a point in time: the RM derives it from DV_AMOUNT, not DV_TEMPORAL.</remarks>
public sealed class DvDuration : DvAmount
{
    /// <summary>Kept exactly as written; nominal units (years, months) have no fixed length to normalise to.</summary>
    public string Value { get; set; } = "";

    public new static readonly RmType Meta = RmType.Concrete("DV_DURATION", () => new DvDuration())
        .Text("value", o => o.Value, (o, v) => o.Value = v, required: true);

    public override RmType RmType => Meta;
}
