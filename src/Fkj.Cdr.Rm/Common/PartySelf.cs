using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.Common;

/// <summary>PARTY_SELF: the subject of the record; it carries no identifying data so the EHR itself can stay anonymous.</summary>
public sealed class PartySelf : PartyProxy
{
    public new static readonly RmType Meta = RmType.Concrete("PARTY_SELF", () => new PartySelf());

    public override RmType RmType => Meta;
}
