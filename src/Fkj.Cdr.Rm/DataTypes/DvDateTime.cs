using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.DataTypes;

/// <summary>DV_DATE_TIME: an ISO 8601 date and time, possibly partial, with an optional zone.</summary>
public sealed class DvDateTime : DvTemporal
{
    /// <summary>Kept exactly as written, so partial forms, fractions and zones round-trip unchanged.</summary>
    public string Value { get; set; } = "";

    public new static readonly RmType Meta = RmType.Concrete("DV_DATE_TIME", () => new DvDateTime())
        .Text("value", o => o.Value, (o, v) => o.Value = v, required: true);

    public override RmType RmType => Meta;
}
