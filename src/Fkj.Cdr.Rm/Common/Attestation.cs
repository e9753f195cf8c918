using Fkj.Cdr.Rm.DataTypes;
using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.Common;

/// <summary>ATTESTATION: the record of a party attesting (e.g. signing off) some content, or of such a request pending.</summary>
public sealed class Attestation : AuditDetails
{
    public DvMultimedia? AttestedView { get; set; }

    /// <summary>A digital signature over the attested view.</summary>
    public string? Proof { get; set; }

    /// <summary>The attested items when not the whole version, as EHR URIs.</summary>
    public List<DvEhrUri>? Items { get; set; }

    public DvText Reason { get; set; } = null!;

    public bool IsPending { get; set; }

    public new static readonly RmType Meta = RmType.Concrete("ATTESTATION", () => new Attestation())
        .Object<DvMultimedia>("attested_view", o => o.AttestedView, (o, v) => o.AttestedView = v)
        .Text("proof", o => o.Proof, (o, v) => o.Proof = v)
        .List<DvEhrUri>("items", o => o.Items, (o, v) => o.Items = v)
        .Object<DvText>("reason", o => o.Reason, (o, v) => o.Reason = v, required: true)
        .Boolean("is_pending", o => o.IsPending, (o, v) => o.IsPending = v, required: true);

    public override RmType RmType => Meta;
}
