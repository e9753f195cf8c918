using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.Identification;

/// <summary>GENERIC_ID: an identifier in a scheme openEHR does not define, such as a local medical record number.</summary>
public sealed class GenericId : ObjectId
{
    public string Scheme { get; set; } = "";

    public new static readonly RmType Meta = RmType.Concrete("GENERIC_ID", () => new GenericId())
        .Text("scheme", o => o.Scheme, (o, v) => o.Scheme = v, required: true);

    public override RmType RmType => Meta;
}
