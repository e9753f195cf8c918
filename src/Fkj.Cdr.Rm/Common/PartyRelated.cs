using Fkj.Cdr.Rm.DataTypes;
using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.Common;

/// <summary>PARTY_RELATED: a party identified by its relationship to the subject of the record, e.g. the mother.</summary>
public sealed class PartyRelated : PartyIdentified
{
    public DvCodedText Relationship { get; set; } = null!;

    public new static readonly RmType Meta = RmType.Concrete("PARTY_RELATED", () => new PartyRelated())
        .Object<DvCodedText>("relationship", o => o.Relationship, (o, v) => o.Relationship = v, required: true);

    public override RmType RmType => Meta;
}
