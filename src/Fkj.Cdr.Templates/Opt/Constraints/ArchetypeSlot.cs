namespace Fkj.Cdr.Templates.Opt.Constraints;

/// <summary>
/// ARCHETYPE_SLOT: a place that accepts archetypes matching the include and exclude expressions
/// (as written, e.g. <c>archetype_id/value matches {/openEHR-EHR-CLUSTER\.device\.v1/}</c>).
/// A slot left open in an OPT accepts data the template does not describe further.
/// </summary>
public sealed class ArchetypeSlot : CObject
{
    public IReadOnlyList<string> Includes { get; init; } = [];

    public IReadOnlyList<string> Excludes { get; init; } = [];
}
