using Fkj.Cdr.Rm.DataStructures;
using Fkj.Cdr.Rm.Identification;
using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.Content;

/// <summary>CARE_ENTRY: root of the entries recorded in the clinical care process, with their protocol and guideline.</summary>
public abstract class CareEntry : Entry
{
    public ItemStructure? Protocol { get; set; }

    public ObjectRef? GuidelineId { get; set; }

    public new static readonly RmType Meta = RmType.Abstract<CareEntry>("CARE_ENTRY")
        .Object<ItemStructure>("protocol", o => o.Protocol, (o, v) => o.Protocol = v)
        .Object<ObjectRef>("guideline_id", o => o.GuidelineId, (o, v) => o.GuidelineId = v);
}
