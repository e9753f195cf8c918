using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.Identification;

/// <summary>PARTY_REF: a reference to a party held by a demographic service, keeping identifying data out of the EHR.</summary>
public sealed class PartyRef : ObjectRef
{
    public new static readonly RmType Meta = RmType.Concrete("PARTY_REF", () => new PartyRef());

    public override RmType RmType => Meta;
}
