namespace Fkj.Cdr.Terminology.Ecl.Syntax;

/// <summary>
/// An alternate identifier (ECL 2.2): a code of another scheme that the edition maps to concepts,
/// <c>LOINC#54486-6</c> or quoted <c>"LOINC#54486-6"</c> when the code holds other characters, with an
/// optional term.
/// </summary>
public sealed record EclAlternateIdentifier(string Scheme, string Code, string? Term = null) : EclFocus;
