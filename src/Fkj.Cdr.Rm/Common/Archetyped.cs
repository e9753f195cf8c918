using Fkj.Cdr.Rm.Identification;
using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.Common;

/// <summary>ARCHETYPED: the archetype, template and RM release governing an archetype root and the nodes below it.</summary>
public sealed class Archetyped : RmObject
{
    public ArchetypeId ArchetypeId { get; set; } = null!;

    public TemplateId? TemplateId { get; set; }

    public string RmVersion { get; set; } = "";

    public static readonly RmType Meta = RmType.Concrete("ARCHETYPED", () => new Archetyped())
        .Object<ArchetypeId>("archetype_id", o => o.ArchetypeId, (o, v) => o.ArchetypeId = v, required: true)
        .Object<TemplateId>("template_id", o => o.TemplateId, (o, v) => o.TemplateId = v)
        .Text("rm_version", o => o.RmVersion, (o, v) => o.RmVersion = v, required: true);

    public override RmType RmType => Meta;
}
