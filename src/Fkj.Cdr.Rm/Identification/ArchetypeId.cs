using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.Identification;

/// <summary>ARCHETYPE_ID: a multi-axial archetype identifier, e.g. <c>openEHR-EHR-OBSERVATION.blood_pressure.v2</c>.</summary>
public sealed class ArchetypeId : ObjectId
{
    public new static readonly RmType Meta = RmType.Concrete("ARCHETYPE_ID", () => new ArchetypeId());

    public override RmType RmType => Meta;
}
