using Fkj.Cdr.Fhir.Resources;
using Fkj.Cdr.Terminology.Index;

namespace Fkj.Cdr.Fhir.Operations;

/// <summary>
/// <c>CodeSystem/$validate-code</c> and <c>ValueSet/$validate-code</c> (FHIR R4). The code comes as
/// <c>code</c> (+ <c>system</c>, or the code system's <c>url</c>), <c>coding</c> or <c>codeableConcept</c> (valid
/// when one of its SNOMED CT codings is); <c>display</c> is checked against the concept's active terms (ignoring
/// case). Out: <c>result</c>, <c>message</c> when there is something to say, <c>display</c> (the preferred term in
/// the display language) when the concept is known. A code that is not valid is a result, not an error; an unknown
/// code system or value set is a 404.
/// </summary>
public sealed class ValidateCodeOperation(SnomedIndex index)
{
    public Parameters CodeSystem(OperationInput input, string? acceptLanguage = null)
    {
        var system = input.Text("url") ?? input.Text("system");
        if (input.Coding("coding") is null && input.CodeableConcept("codeableConcept") is null)
        {
            SnomedCodes.RequireSystem(system, input.Has("url") ? "url" : "system", required: true);
        }
        else
        {
            SnomedCodes.RequireSystem(system, "url");
        }

        return Validate(input, acceptLanguage, null);
    }

    public Parameters ValueSet(OperationInput input, string? acceptLanguage = null)
    {
        if (input.Has("valueSet"))
        {
            throw FhirException.Invalid("Validating against a value set sent in the request is not supported; give its url.", "valueSet");
        }

        var valueSet = ImplicitValueSet.Parse(input.Text("url"));
        if (input.Text("code") is not null)
        {
            SnomedCodes.RequireSystem(input.Text("system"), "system", required: true);
        }

        return Validate(input, acceptLanguage, valueSet);
    }

    private Parameters Validate(OperationInput input, string? acceptLanguage, ImplicitValueSet? valueSet)
    {
        var languages = SnomedLanguages.Parse(input.Text("displayLanguage") ?? acceptLanguage);
        var display = input.Text("display");
        var candidates = new List<Coding>();
        if (input.Text("code") is { } code) candidates.Add(new Coding(SnomedCodes.System, code, display));
        if (input.Coding("coding") is { } coding) candidates.Add(coding);
        if (input.CodeableConcept("codeableConcept") is { } concept) candidates.AddRange(concept);
        if (candidates.Count == 0)
        {
            throw FhirException.Invalid("One of 'code', 'coding' or 'codeableConcept' is required.", "code");
        }

        (bool Result, string? Message, string? Display) first = default;
        for (var i = 0; i < candidates.Count; i++)
        {
            var outcome = One(candidates[i], languages, valueSet);
            if (outcome.Result)
            {
                return Answer(outcome);
            }

            if (i == 0) first = outcome;
        }

        return Answer(first);
    }

    private (bool Result, string? Message, string? Display) One(Coding coding, IReadOnlyList<long> languages, ImplicitValueSet? valueSet)
    {
        if (!SnomedCodes.IsSnomed(coding.System))
        {
            return (false, $"The system '{coding.System}' is not SNOMED CT ({SnomedCodes.System}).", null);
        }

        if (SnomedCodes.TryParse(coding.Code) is not { } id)
        {
            return (false, $"'{coding.Code}' is not a SNOMED CT concept identifier.", null);
        }

        if (!index.Contains(id))
        {
            return (false, $"Unknown code '{coding.Code}' in the SNOMED CT code system.", null);
        }

        var preferred = index.PreferredTerm(id, languages);
        if (valueSet is not null && !valueSet.Contains(index, id))
        {
            return (false, $"The code {id} is not in the value set {valueSet.Url}.", preferred);
        }

        if (coding.Display is { } display
            && !index.Descriptions(id).Any(d => d.Active && string.Equals(d.Term, display, StringComparison.OrdinalIgnoreCase)))
        {
            return (false, $"The display '{display}' is not a term of concept {id}; its preferred term is '{preferred}'.", preferred);
        }

        return (true, index.IsActive(id) ? null : $"The concept {id} is inactive.", preferred);
    }

    private static Parameters Answer((bool Result, string? Message, string? Display) outcome)
    {
        var output = new List<Parameter> { Parameter.Of("result", FhirValue.Of(outcome.Result)) };
        if (outcome.Message is not null) output.Add(Parameter.Of("message", FhirValue.String(outcome.Message)));
        if (outcome.Display is not null) output.Add(Parameter.Of("display", FhirValue.String(outcome.Display)));
        return new Parameters(output);
    }
}
