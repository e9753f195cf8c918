using Fkj.Cdr.Fhir.Resources;
using Fkj.Cdr.Terminology.Index;
using Fkj.Cdr.Terminology.Rf2;

namespace Fkj.Cdr.Fhir.Operations;

/// <summary>Designations of a concept as FHIR writes them: its active FSN and synonyms, with language and use.</summary>
internal static class SnomedDisplay
{
    public static readonly Coding FsnUse = new(SnomedCodes.System, SnomedIds.Fsn.ToString(), "Fully specified name");
    public static readonly Coding SynonymUse = new(SnomedCodes.System, SnomedIds.Synonym.ToString(), "Synonym");

    public static IReadOnlyList<Designation> Designations(SnomedIndex index, long conceptId) =>
        index.Descriptions(conceptId)
            .Where(d => d.Active && d.TypeId is SnomedIds.Fsn or SnomedIds.Synonym)
            .Select(d => new Designation(d.LanguageCode, d.TypeId == SnomedIds.Fsn ? FsnUse : SynonymUse, d.Term))
            .ToList();
}
