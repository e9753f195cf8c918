namespace Fkj.Cdr.Terminology.Index;

/// <summary>A description of a concept (FSN, synonym or text definition) as the index holds it.</summary>
public sealed record SnomedDescription(
    long Id, long ConceptId, string Term, string LanguageCode, long TypeId, bool Active, long ModuleId, long CaseSignificanceId);
