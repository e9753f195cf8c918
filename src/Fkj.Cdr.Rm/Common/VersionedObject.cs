using Fkj.Cdr.Rm.DataTypes;
using Fkj.Cdr.Rm.Identification;
using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.Common;

/// <summary>VERSIONED_OBJECT: the container of all versions of one object, e.g. a composition or the EHR status.</summary>
public class VersionedObject : RmObject
{
    public HierObjectId Uid { get; set; } = null!;

    /// <summary>The EHR (or other owner) the object belongs to.</summary>
    public ObjectRef OwnerId { get; set; } = null!;

    public DvDateTime TimeCreated { get; set; } = null!;

    public static readonly RmType Meta = RmType.Concrete("VERSIONED_OBJECT", () => new VersionedObject())
        .Object<HierObjectId>("uid", o => o.Uid, (o, v) => o.Uid = v, required: true)
        .Object<ObjectRef>("owner_id", o => o.OwnerId, (o, v) => o.OwnerId = v, required: true)
        .Object<DvDateTime>("time_created", o => o.TimeCreated, (o, v) => o.TimeCreated = v, required: true);

    public override RmType RmType => Meta;
}
