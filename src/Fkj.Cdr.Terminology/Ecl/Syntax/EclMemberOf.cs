namespace Fkj.Cdr.Terminology.Ecl.Syntax;

/// <summary>
/// The memberOf function <c>^</c>. Plain <c>^ refset</c> selects the referenced components; ECL 2.2
/// lets it name the refset fields to return instead: <c>^ [targetComponentId] refset</c> (the field
/// names in <see cref="Fields"/>) or <c>^ [*] refset</c> (<see cref="AllFields"/>).
/// </summary>
public sealed record EclMemberOf(EclList<string> Fields, bool AllFields) : EclNode
{
    /// <summary>Plain <c>^</c>.</summary>
    public EclMemberOf() : this(EclList<string>.Empty, false)
    {
    }
}
