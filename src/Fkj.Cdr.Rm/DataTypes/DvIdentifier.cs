using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.DataTypes;

/// <summary>DV_IDENTIFIER: an identifier of a real-world entity issued outside openEHR, e.g. a passport or MRN.</summary>
public sealed class DvIdentifier : DataValue
{
    public string? Issuer { get; set; }

    public string? Assigner { get; set; }

    public string Id { get; set; } = "";

    public string? Type { get; set; }

    public new static readonly RmType Meta = RmType.Concrete("DV_IDENTIFIER", () => new DvIdentifier())
        .Text("issuer", o => o.Issuer, (o, v) => o.Issuer = v)
        .Text("assigner", o => o.Assigner, (o, v) => o.Assigner = v)
        .Text("id", o => o.Id, (o, v) => o.Id = v, required: true)
        .Text("type", o => o.Type, (o, v) => o.Type = v);

    public override RmType RmType => Meta;
}
