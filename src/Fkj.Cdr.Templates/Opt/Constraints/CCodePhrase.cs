using Fkj.Cdr.Rm.DataTypes;

namespace Fkj.Cdr.Templates.Opt.Constraints;

/// <summary>
/// C_CODE_PHRASE: allowed codes in one terminology. With the <c>local</c> terminology the codes are
/// at-codes of the enclosing archetype; with an external one, codes may be listed, or the allowed
/// set is given by <see cref="ReferenceSetUri"/> and checked against the terminology index.
/// </summary>
public sealed class CCodePhrase : CObject
{
    /// <summary>Null where any terminology is allowed.</summary>
    public string? TerminologyId { get; init; }

    public IReadOnlyList<string> CodeList { get; init; } = [];

    /// <summary>E.g. <c>terminology:SNOMED-CT?subset=...</c>, when the set is defined externally.</summary>
    public string? ReferenceSetUri { get; init; }

    public CodePhrase? AssumedValue { get; init; }

    public bool IsLocal => TerminologyId == "local";
}
