using Fkj.Cdr.Fhir.Resources;
using Fkj.Cdr.Terminology.Index;

namespace Fkj.Cdr.Fhir.Operations;

/// <summary>
/// <c>ValueSet/$expand</c> (FHIR R4) of the SNOMED CT implicit value sets. In: <c>url</c>, <c>filter</c> (a term
/// search: every word a prefix, ranked like <see cref="SnomedIndex.Search"/>, fuzzy when nothing matches),
/// <c>count</c>, <c>offset</c>, <c>displayLanguage</c>, <c>activeOnly</c>, <c>includeDesignations</c>. Out: the
/// ValueSet with its expansion (returned as the resource itself, the operation's single <c>return</c>).
/// Without a filter the codes come in SCTID order and <c>total</c> is the size of the set. With a filter they come
/// in rank order; <c>total</c> is given when the page is not full (counting every match of a short prefix would
/// cost more than the page), <c>count</c> defaults to <see cref="DefaultFilterCount"/>, and offset + count may not pass <see cref="MaxFilterHits"/>. An expansion without
/// <c>count</c> larger than <see cref="MaxExpansion"/> is refused (422, too-costly): page it.
/// </summary>
public sealed class ExpandOperation(SnomedIndex index, int maxExpansion = ExpandOperation.MaxExpansion)
{
    public const int MaxExpansion = 10_000;
    public const int DefaultFilterCount = 100;

    /// <summary>How deep a filtered expansion may be paged (offset + count): ranking keeps every hit up to there.</summary>
    public const int MaxFilterHits = 1_000;

    public ValueSet Execute(OperationInput input, string? acceptLanguage = null)
    {
        if (input.Has("valueSet"))
        {
            throw FhirException.Invalid("Expanding a value set sent in the request is not supported; give its url.", "valueSet");
        }

        var valueSet = ImplicitValueSet.Parse(input.Text("url"));
        var filter = input.Text("filter");
        var count = input.Integer("count");
        var offset = input.Integer("offset") ?? 0;
        var activeOnly = input.Boolean("activeOnly") ?? false;
        var designations = input.Boolean("includeDesignations") ?? false;
        var displayLanguage = input.Text("displayLanguage");
        var languages = SnomedLanguages.Parse(displayLanguage ?? acceptLanguage);
        if (count > maxExpansion)
        {
            throw new FhirException(422, "too-costly", $"count may be at most {maxExpansion}.", "count");
        }

        List<ExpansionEntry> entries;
        long? total;
        if (!string.IsNullOrWhiteSpace(filter))
        {
            var member = valueSet.Membership(index, activeOnly);
            var limit = (int)(count ?? DefaultFilterCount);
            if (offset + limit > MaxFilterHits)
            {
                throw new FhirException(422, "too-costly", $"A filtered expansion can be paged through its first {MaxFilterHits} codes (offset + count); narrow the filter.", "offset");
            }

            count = limit;
            var hits = limit == 0 ? [] : index.Search(new SearchRequest(filter)
            {
                LanguageRefsets = languages,
                Offset = (int)offset,
                Limit = limit,
                IncludeInactive = !activeOnly,
                Constraint = member,
            });
            entries = hits.Select(h => Entry(h.ConceptId, h.PreferredTerm, !h.Active, designations)).ToList();
            total = hits.Count < limit && (hits.Count > 0 || offset == 0) ? offset + hits.Count : null;
        }
        else
        {
            var members = valueSet.Resolve(index, activeOnly);
            total = members.Length;
            var available = Math.Max(0, members.Length - offset);
            if (count is null && available > maxExpansion)
            {
                throw new FhirException(422, "too-costly",
                    $"The expansion has {members.Length} codes, more than {maxExpansion}; page it with count and offset, or narrow it with filter.", "count");
            }

            var take = (int)Math.Min(count ?? available, available);
            entries = new List<ExpansionEntry>(take);
            for (var i = 0; i < take; i++)
            {
                var id = members[offset + i];
                entries.Add(Entry(id, index.PreferredTerm(id, languages), !index.IsActive(id), designations));
            }
        }

        var parameters = new List<Parameter>();
        if (filter is not null) parameters.Add(Parameter.Of("filter", FhirValue.String(filter)));
        if (count is { } c) parameters.Add(Parameter.Of("count", FhirValue.Of(c)));
        parameters.Add(Parameter.Of("offset", FhirValue.Of(offset)));
        if (displayLanguage is not null) parameters.Add(Parameter.Of("displayLanguage", FhirValue.Code(displayLanguage)));
        if (input.Has("activeOnly")) parameters.Add(Parameter.Of("activeOnly", FhirValue.Of(activeOnly)));
        if (input.Has("includeDesignations")) parameters.Add(Parameter.Of("includeDesignations", FhirValue.Of(designations)));

        return new ValueSet
        {
            Url = valueSet.Url,
            Total = total,
            Offset = offset,
            Parameters = parameters,
            Contains = entries,
        };
    }

    private ExpansionEntry Entry(long id, string? display, bool inactive, bool designations) =>
        new(SnomedCodes.System, id.ToString(), display, inactive)
        {
            Designations = designations ? SnomedDisplay.Designations(index, id) : null,
        };
}
