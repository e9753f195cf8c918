using Fkj.Cdr.Rm.DataTypes;

namespace Fkj.Cdr.Templates.Opt.Terminology;

/// <summary>
/// The terminology of one archetype as used in a template: term definitions per language, term
/// bindings per external terminology, and constraint (ac-code) definitions and bindings.
/// </summary>
public sealed class ArchetypeTerminology
{
    public static readonly ArchetypeTerminology Empty = new();

    /// <summary>Language → code → term.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, ArchetypeTerm>> Terms { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, ArchetypeTerm>>();

    /// <summary>Language → ac-code → term.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, ArchetypeTerm>> ConstraintTerms { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, ArchetypeTerm>>();

    /// <summary>Terminology id → at-code or path → bound code.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, CodePhrase>> TermBindings { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, CodePhrase>>();

    /// <summary>Terminology id → ac-code → query URI.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ConstraintBindings { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>();

    /// <summary>The term in <paramref name="language"/>, or in any language the template has.</summary>
    public ArchetypeTerm? Term(string code, string language)
    {
        if (Terms.TryGetValue(language, out var terms) && terms.TryGetValue(code, out var term)) return term;
        foreach (var other in Terms.Values)
        {
            if (other.TryGetValue(code, out term)) return term;
        }

        return null;
    }
}
