namespace Fkj.Cdr.Terminology.Index;

/// <summary>
/// A term search: every token of <see cref="Text"/> must match a token of a description as a prefix; when none
/// matches, tokens within edit distance 2 are tried. Hits are concepts, best description each, ranked by: preferred
/// synonym in the first language reference set, acceptable synonym, FSN, then the next reference set, then none;
/// then shorter terms; then the concept id.
/// </summary>
public sealed record SearchRequest(string Text)
{
    public int Limit { get; init; } = 10;
    public int Offset { get; init; }

    /// <summary>Language reference sets in order of preference (default en-GB then en-US).</summary>
    public IReadOnlyList<long> LanguageRefsets { get; init; } = [Rf2.SnomedIds.GbEnglish, Rf2.SnomedIds.UsEnglish];

    public bool IncludeInactive { get; init; }

    /// <summary>Only concepts this accepts (an ECL constraint, once evaluated).</summary>
    public Func<long, bool>? Constraint { get; init; }

    /// <summary>Turn the fuzzy fallback off (autocomplete that must stay literal).</summary>
    public bool Fuzzy { get; init; } = true;
}

/// <summary>A concept found: the matching description and the concept's preferred term in the requested language.</summary>
public sealed record SearchHit(long ConceptId, long DescriptionId, string Term, string PreferredTerm, bool Active, bool Fuzzy);
