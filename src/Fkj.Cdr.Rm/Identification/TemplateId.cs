using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.Identification;

/// <summary>TEMPLATE_ID: the identifier of an (operational) template, e.g. <c>vital_signs.en.v1</c>.</summary>
public sealed class TemplateId : ObjectId
{
    public new static readonly RmType Meta = RmType.Concrete("TEMPLATE_ID", () => new TemplateId());

    public override RmType RmType => Meta;
}
