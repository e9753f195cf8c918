using Fkj.Cdr.Rm.DataTypes;
using Fkj.Cdr.Rm.Identification;
using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.Common;

/// <summary>ORIGINAL_VERSION: a version as created by its authoring system, carrying the versioned content.</summary>
public sealed class OriginalVersion : Version
{
    public ObjectVersionId Uid { get; set; } = null!;

    /// <summary>The RM declares a generic T; every versioned type (COMPOSITION, EHR_STATUS, FOLDER, EHR_ACCESS) is a LOCATABLE. Absent for deletions.</summary>
    public Locatable? Data { get; set; }

    public ObjectVersionId? PrecedingVersionUid { get; set; }

    /// <summary>Further versions merged into this one, besides the preceding version.</summary>
    public List<ObjectVersionId>? OtherInputVersionUids { get; set; }

    public List<Attestation>? Attestations { get; set; }

    public DvCodedText LifecycleState { get; set; } = null!;

    public new static readonly RmType Meta = RmType.Concrete("ORIGINAL_VERSION", () => new OriginalVersion())
        .Object<ObjectVersionId>("uid", o => o.Uid, (o, v) => o.Uid = v, required: true)
        .Object<Locatable>("data", o => o.Data, (o, v) => o.Data = v)
        .Object<ObjectVersionId>("preceding_version_uid", o => o.PrecedingVersionUid, (o, v) => o.PrecedingVersionUid = v)
        .List<ObjectVersionId>("other_input_version_uids", o => o.OtherInputVersionUids, (o, v) => o.OtherInputVersionUids = v)
        .List<Attestation>("attestations", o => o.Attestations, (o, v) => o.Attestations = v)
        .Object<DvCodedText>("lifecycle_state", o => o.LifecycleState, (o, v) => o.LifecycleState = v, required: true);

    public override RmType RmType => Meta;
}
