using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.Identification;

/// <summary>ACCESS_GROUP_REF: a reference to an access control group held by a security service.</summary>
public sealed class AccessGroupRef : ObjectRef
{
    public new static readonly RmType Meta = RmType.Concrete("ACCESS_GROUP_REF", () => new AccessGroupRef());

    public override RmType RmType => Meta;
}
