namespace Fkj.Cdr.Templates.Opt.Constraints;

/// <summary>
/// CONSTRAINT_REF: a code constraint defined by an ac-code, bound to an external terminology query
/// in the archetype's constraint bindings (e.g. "any SNOMED CT procedure").
/// </summary>
public sealed class ConstraintRef : CObject
{
    public required string Reference { get; init; }
}
