using Fkj.Cdr.Rm.DataTypes;
using Fkj.Cdr.Rm.Identification;
using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.Records;

/// <summary>EHR: the root of one subject's health record, referencing its status, access settings, directory and contents.</summary>
public sealed class Ehr : RmObject
{
    public HierObjectId SystemId { get; set; } = null!;

    public HierObjectId EhrId { get; set; } = null!;

    public DvDateTime TimeCreated { get; set; } = null!;

    public List<ObjectRef>? Contributions { get; set; }

    public ObjectRef EhrAccess { get; set; } = null!;

    public ObjectRef EhrStatus { get; set; } = null!;

    public ObjectRef? Directory { get; set; }

    public List<ObjectRef>? Compositions { get; set; }

    /// <summary>RM 1.1 addition, absent from the XML schema; appended after its sequence like other late additions.</summary>
    public List<ObjectRef>? Folders { get; set; }

    public static readonly RmType Meta = RmType.Concrete("EHR", () => new Ehr())
        .Object<HierObjectId>("system_id", o => o.SystemId, (o, v) => o.SystemId = v, required: true)
        .Object<HierObjectId>("ehr_id", o => o.EhrId, (o, v) => o.EhrId = v, required: true)
        .Object<DvDateTime>("time_created", o => o.TimeCreated, (o, v) => o.TimeCreated = v, required: true)
        .List<ObjectRef>("contributions", o => o.Contributions, (o, v) => o.Contributions = v, required: true)
        .Object<ObjectRef>("ehr_access", o => o.EhrAccess, (o, v) => o.EhrAccess = v, required: true)
        .Object<ObjectRef>("ehr_status", o => o.EhrStatus, (o, v) => o.EhrStatus = v, required: true)
        .Object<ObjectRef>("directory", o => o.Directory, (o, v) => o.Directory = v)
        .List<ObjectRef>("compositions", o => o.Compositions, (o, v) => o.Compositions = v)
        .List<ObjectRef>("folders", o => o.Folders, (o, v) => o.Folders = v);

    public override RmType RmType => Meta;
}
