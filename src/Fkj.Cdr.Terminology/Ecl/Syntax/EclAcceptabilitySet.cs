namespace Fkj.Cdr.Terminology.Ecl.Syntax;

/// <summary>
/// The acceptabilities a dialect filter asks for, as tokens <c>(prefer)</c>, <c>(accept prefer)</c> or as
/// concept references <c>(900000000000548007 |Preferred|)</c>. Exactly one of the two lists is non-empty.
/// </summary>
public sealed record EclAcceptabilitySet(EclList<EclConceptReference> Concepts, EclList<EclAcceptability> Tokens) : EclNode;
