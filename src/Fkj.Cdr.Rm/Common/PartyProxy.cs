using Fkj.Cdr.Rm.Identification;
using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.Common;

/// <summary>PARTY_PROXY: a party as the EHR refers to it, optionally pointing at a demographic record.</summary>
public abstract class PartyProxy : RmObject
{
    public PartyRef? ExternalRef { get; set; }

    public static readonly RmType Meta = RmType.Abstract<PartyProxy>("PARTY_PROXY")
        .Object<PartyRef>("external_ref", o => o.ExternalRef, (o, v) => o.ExternalRef = v);
}
