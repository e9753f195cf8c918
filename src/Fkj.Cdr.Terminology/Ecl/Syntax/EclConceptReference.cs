namespace Fkj.Cdr.Terminology.Ecl.Syntax;

/// <summary>
/// A concept by its SNOMED CT identifier (6 to 18 digits), with the optional term written between pipes,
/// trimmed: <c>404684003 |Clinical finding|</c>. The term is for people; ECL gives it no meaning.
/// </summary>
public sealed record EclConceptReference(long ConceptId, string? Term = null) : EclFocus;
