using Fkj.Cdr.Rm.Common;
using Fkj.Cdr.Rm.DataStructures;
using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.Records;

/// <summary>EHR_STATUS: the versioned status of an EHR: whose it is and whether it may be queried or modified.</summary>
public sealed class EhrStatus : Locatable
{
    /// <summary>PARTY_SELF, so the subject is identified only through an optional external reference.</summary>
    public PartySelf Subject { get; set; } = null!;

    public bool IsQueryable { get; set; }

    public bool IsModifiable { get; set; }

    public ItemStructure? OtherDetails { get; set; }

    public new static readonly RmType Meta = RmType.Concrete("EHR_STATUS", () => new EhrStatus())
        .Object<PartySelf>("subject", o => o.Subject, (o, v) => o.Subject = v, required: true)
        .Boolean("is_queryable", o => o.IsQueryable, (o, v) => o.IsQueryable = v, required: true)
        .Boolean("is_modifiable", o => o.IsModifiable, (o, v) => o.IsModifiable = v, required: true)
        .Object<ItemStructure>("other_details", o => o.OtherDetails, (o, v) => o.OtherDetails = v);

    public override RmType RmType => Meta;
}
