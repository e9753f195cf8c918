using Fkj.Cdr.Templates.Opt.Terminology;

namespace Fkj.Cdr.Templates.Opt.Constraints;

/// <summary>
/// C_ARCHETYPE_ROOT: where an archetype is used in the template. Its node id is the archetype id,
/// and it carries that archetype's terminology, by which its at-codes are named.
/// </summary>
public sealed class CArchetypeRoot : CComplexObject
{
    public required string ArchetypeId { get; init; }

    /// <summary>The at-code of the archetype's root node as the OPT states it in node_id (<c>at0000</c>, <c>at0000.1</c>).</summary>
    public string RootNodeId { get; init; } = "";

    /// <summary>The template an embedded template root comes from (OPT <c>template_id</c> on the root), if stated.</summary>
    public string? TemplateId { get; init; }

    public ArchetypeTerminology Terminology { get; init; } = ArchetypeTerminology.Empty;
}
