using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.Identification;

/// <summary>TERMINOLOGY_ID: a terminology name with an optional version, e.g. <c>SNOMED-CT</c> or <c>ICD10(1998)</c>.</summary>
public sealed class TerminologyId : ObjectId
{
    public new static readonly RmType Meta = RmType.Concrete("TERMINOLOGY_ID", () => new TerminologyId());

    public override RmType RmType => Meta;
}
