using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.Identification;

/// <summary>HIER_OBJECT_ID: a UID with an optional hierarchical extension; names EHRs, contributions and versioned objects.</summary>
public sealed class HierObjectId : UidBasedId
{
    public new static readonly RmType Meta = RmType.Concrete("HIER_OBJECT_ID", () => new HierObjectId());

    public override RmType RmType => Meta;
}
