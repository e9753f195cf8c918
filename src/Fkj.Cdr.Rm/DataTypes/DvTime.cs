using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.DataTypes;

/// <summary>DV_TIME: an ISO 8601 time of day, possibly partial (<c>T10</c>, <c>10:30</c>) and with a zone.</summary>
public sealed class DvTime : DvTemporal
{
    /// <summary>Kept exactly as written, so partial and basic/extended forms round-trip unchanged.</summary>
    public string Value { get; set; } = "";

    public new static readonly RmType Meta = RmType.Concrete("DV_TIME", () => new DvTime())
        .Text("value", o => o.Value, (o, v) => o.Value = v, required: true);

    public override RmType RmType => Meta;
}
