namespace Fkj.Cdr.Templates.Opt.Constraints;

/// <summary>ARCHETYPE_INTERNAL_REF: reuse of the constraint at <see cref="TargetPath"/> in the same archetype.</summary>
public sealed class ArchetypeInternalRef : CObject
{
    /// <summary>The path of the reused node, relative to the enclosing archetype root.</summary>
    public required string TargetPath { get; init; }

    /// <summary>The node the path points at, resolved after parsing; null if the path does not resolve.</summary>
    public CObject? Target { get; internal set; }
}
