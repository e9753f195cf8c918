using Fkj.Cdr.Templates.Opt.Terminology;

namespace Fkj.Cdr.Templates.Opt.Constraints;

/// <summary>
/// C_ARCHETYPE_ROOT: where an archetype is used in the template. Its node id is the archetype id,
/// and it carries that archetype's terminology, by which its at-codes are named.
/// </summary>
public sealed class CArchetypeRoot : CComplexObject
{
    public required string ArchetypeId { get; init; }

    public ArchetypeTerminology Terminology { get; init; } = ArchetypeTerminology.Empty;
}
