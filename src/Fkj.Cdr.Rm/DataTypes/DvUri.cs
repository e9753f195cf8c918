using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.DataTypes;

/// <summary>DV_URI: a reference to another resource, kept as written (RFC 3986).</summary>
public class DvUri : DataValue
{
    public string Value { get; set; } = "";

    public new static readonly RmType Meta = RmType.Concrete("DV_URI", () => new DvUri())
        .Text("value", o => o.Value, (o, v) => o.Value = v, required: true);

    public override RmType RmType => Meta;
}
