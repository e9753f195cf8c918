using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.DataTypes;

/// <summary>DV_DATE: an ISO 8601 date, possibly partial (<c>2021</c>, <c>2021-03</c>).</summary>
public sealed class DvDate : DvTemporal
{
    /// <summary>Kept exactly as written, so partial and basic/extended forms round-trip unchanged.</summary>
    public string Value { get; set; } = "";

    public new static readonly RmType Meta = RmType.Concrete("DV_DATE", () => new DvDate())
        .Text("value", o => o.Value, (o, v) => o.Value = v, required: true);

    public override RmType RmType => Meta;
}
