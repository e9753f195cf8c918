using Fkj.Cdr.Rm.DataTypes;
using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.Common;

/// <summary>PARTY_IDENTIFIED: a party identified in the EHR by name and/or identifiers, not only by reference.</summary>
public class PartyIdentified : PartyProxy
{
    public string? Name { get; set; }

    public List<DvIdentifier>? Identifiers { get; set; }

    public new static readonly RmType Meta = RmType.Concrete("PARTY_IDENTIFIED", () => new PartyIdentified())
        .Text("name", o => o.Name, (o, v) => o.Name = v)
        .List<DvIdentifier>("identifiers", o => o.Identifiers, (o, v) => o.Identifiers = v);

    public override RmType RmType => Meta;
}
