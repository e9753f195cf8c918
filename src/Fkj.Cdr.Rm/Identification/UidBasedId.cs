using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.Identification;

/// <summary>UID_BASED_ID: an identifier rooted in a UID (UUID, ISO OID or internet id), optionally extended after <c>::</c>.</summary>
public abstract class UidBasedId : ObjectId
{
    public new static readonly RmType Meta = RmType.Abstract<UidBasedId>("UID_BASED_ID");
}
