using Fkj.Cdr.Terminology.Ecl.Evaluation;
using Fkj.Cdr.Terminology.Index;

namespace Fkj.Cdr.Fhir.Operations;

/// <summary>The kinds of SNOMED CT implicit value set (FHIR R4 "Using SNOMED CT with FHIR", implicit value sets).</summary>
public enum ImplicitValueSetKind
{
    /// <summary><c>?fhir_vs</c>: every concept.</summary>
    All,

    /// <summary><c>?fhir_vs=isa/SCTID</c>: the concept and every concept it subsumes (<c>&lt;&lt; SCTID</c>).</summary>
    IsA,

    /// <summary><c>?fhir_vs=refset</c>: the reference set concepts (those that have members in the release).</summary>
    AllRefsets,

    /// <summary><c>?fhir_vs=refset/SCTID</c>: the concepts that are members of the reference set.</summary>
    Refset,

    /// <summary><c>?fhir_vs=ecl/ECL</c>: the concepts the (URL-encoded) expression constraint selects.</summary>
    Ecl,
}

/// <summary>
/// A SNOMED CT implicit value set URL: <c>http://snomed.info/sct</c>, optionally with an edition or version
/// (<c>/MODULE</c>, <c>/MODULE/version/DATE</c>; the index holds one release, so it is accepted as is), then
/// <c>?fhir_vs</c> and the selector. Resolving it gives the member concept ids, ascending.
/// </summary>
public sealed record ImplicitValueSet(string Url, ImplicitValueSetKind Kind, long? Concept = null, string? Ecl = null)
{
    /// <summary>The value set of a URL: 404 when it is not a SNOMED CT implicit value set, 400 when its selector is malformed.</summary>
    public static ImplicitValueSet Parse(string? url, string parameter = "url")
    {
        if (string.IsNullOrEmpty(url))
        {
            throw FhirException.Invalid($"Parameter '{parameter}' (the value set's canonical URL) is required.", parameter);
        }

        var question = url.IndexOf('?');
        if (question < 0 || !SnomedCodes.IsSnomed(url[..question]))
        {
            throw FhirException.NotFound($"Unknown value set '{url}'; this server has the SNOMED CT implicit value sets (http://snomed.info/sct?fhir_vs...).", parameter);
        }

        var query = url[(question + 1)..];
        if (query == "fhir_vs")
        {
            return new(url, ImplicitValueSetKind.All);
        }

        if (!query.StartsWith("fhir_vs=", StringComparison.Ordinal))
        {
            throw FhirException.NotFound($"Unknown value set '{url}': the query must be fhir_vs.", parameter);
        }

        var selector = query["fhir_vs=".Length..];
        if (selector == "refset")
        {
            return new(url, ImplicitValueSetKind.AllRefsets);
        }

        if (selector.StartsWith("isa/", StringComparison.Ordinal))
        {
            return new(url, ImplicitValueSetKind.IsA, ConceptOf(selector[4..], url, parameter));
        }

        if (selector.StartsWith("refset/", StringComparison.Ordinal))
        {
            return new(url, ImplicitValueSetKind.Refset, ConceptOf(selector[7..], url, parameter));
        }

        if (selector.StartsWith("ecl/", StringComparison.Ordinal))
        {
            var ecl = Uri.UnescapeDataString(selector[4..]);
            return string.IsNullOrWhiteSpace(ecl)
                ? throw FhirException.Invalid($"Value set '{url}' has an empty ECL expression.", parameter)
                : new(url, ImplicitValueSetKind.Ecl, Ecl: ecl);
        }

        throw FhirException.NotFound($"Unknown value set '{url}': fhir_vs takes isa/, refset, refset/ or ecl/.", parameter);
    }

    private static long ConceptOf(string text, string url, string parameter) =>
        SnomedCodes.TryParse(Uri.UnescapeDataString(text)) ?? throw FhirException.Invalid($"Value set '{url}': '{text}' is not a SNOMED CT concept identifier.", parameter);

    /// <summary>
    /// The member concept ids, ascending. <paramref name="activeOnly"/> drops inactive concepts from the sets that
    /// can hold them (all concepts, reference set members); IS-A and ECL sets are active concepts already.
    /// </summary>
    public long[] Resolve(SnomedIndex index, bool activeOnly, string parameter = "url")
    {
        switch (Kind)
        {
            case ImplicitValueSetKind.All:
                return EclErrors.Evaluate(new EclEvaluator(index), activeOnly ? "*" : "* OR (* {{ C active = false }})", parameter).ToIds();
            case ImplicitValueSetKind.IsA:
                if (!index.Contains(Concept!.Value))
                {
                    throw FhirException.NotFound($"Value set '{Url}': concept {Concept} is not in the code system.", parameter);
                }

                return EclErrors.Evaluate(new EclEvaluator(index), "<< " + Concept, parameter).ToIds();
            case ImplicitValueSetKind.AllRefsets:
                return Filter(index, index.ReferenceSets, activeOnly);
            case ImplicitValueSetKind.Refset:
                if (!index.Contains(Concept!.Value))
                {
                    throw FhirException.NotFound($"Value set '{Url}': reference set {Concept} is not in the code system.", parameter);
                }

                return Filter(index, index.RefsetMembers(Concept.Value).Select(m => m.ReferencedComponentId), activeOnly);
            default:
                return EclErrors.Evaluate(new EclEvaluator(index), Ecl!, parameter).ToIds();
        }
    }

    /// <summary>
    /// A membership test for a term search within the set: every concept and IS-A need no expansion (a search
    /// within <c>?fhir_vs</c> must not first list 350,000 concepts); the other sets are expanded once.
    /// </summary>
    public Func<long, bool> Membership(SnomedIndex index, bool activeOnly, string parameter = "url")
    {
        switch (Kind)
        {
            case ImplicitValueSetKind.All:
                return id => !activeOnly || index.IsActive(id);
            case ImplicitValueSetKind.IsA:
                if (!index.Contains(Concept!.Value))
                {
                    throw FhirException.NotFound($"Value set '{Url}': concept {Concept} is not in the code system.", parameter);
                }

                var focus = Concept.Value;
                return id => index.IsActive(id) && index.Subsumes(focus, id);
            default:
                var members = Resolve(index, activeOnly, parameter);
                return id => Array.BinarySearch(members, id) >= 0;
        }
    }

    /// <summary>Whether one concept is a member, without expanding the set where a direct test exists.</summary>
    public bool Contains(SnomedIndex index, long conceptId, string parameter = "url") => Kind switch
    {
        ImplicitValueSetKind.All => index.Contains(conceptId),
        ImplicitValueSetKind.IsA => index.IsActive(conceptId) && index.Subsumes(Concept!.Value, conceptId),
        _ => Array.BinarySearch(Resolve(index, activeOnly: false, parameter), conceptId) >= 0,
    };

    private static long[] Filter(SnomedIndex index, IEnumerable<long> ids, bool activeOnly)
    {
        var set = ids.Where(id => index.Contains(id) && (!activeOnly || index.IsActive(id))).Distinct().ToArray();
        Array.Sort(set);
        return set;
    }
}
