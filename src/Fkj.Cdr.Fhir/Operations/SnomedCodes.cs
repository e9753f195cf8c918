using System.Globalization;
using Fkj.Cdr.Terminology.Index;
using Fkj.Cdr.Terminology.Rf2;

namespace Fkj.Cdr.Fhir.Operations;

/// <summary>The SNOMED CT code system URI, and concept codes read from operation parameters.</summary>
public static class SnomedCodes
{
    public const string System = "http://snomed.info/sct";

    /// <summary>True for <c>http://snomed.info/sct</c> and for a version URI under it (<c>http://snomed.info/sct/MODULE/version/DATE</c>).</summary>
    public static bool IsSnomed(string? system) =>
        system is not null && (system == System || system.StartsWith(System + "/", StringComparison.Ordinal));

    /// <summary>A concept SCTID (partition 00 or 10, valid check digit), or null.</summary>
    public static long? TryParse(string? code) =>
        long.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && Sctid.IsValid(id, Sctid.ConceptPartition) ? id : null;

    /// <summary>A concept the index holds: 400 when the code is not a concept SCTID, 404 when the index does not have it.</summary>
    public static long Require(SnomedIndex index, string? code, string parameter)
    {
        if (string.IsNullOrEmpty(code))
        {
            throw FhirException.Invalid($"Parameter '{parameter}' is required.", parameter);
        }

        var id = TryParse(code) ?? throw FhirException.Invalid($"'{code}' is not a SNOMED CT concept identifier.", parameter);
        return index.Contains(id) ? id : throw FhirException.NotFound($"Concept {code} is not in the SNOMED CT code system.", parameter);
    }

    /// <summary>Checks that a system parameter, when given, is SNOMED CT (404 otherwise: this server has no other code system).</summary>
    public static void RequireSystem(string? system, string parameter, bool required = false)
    {
        if (system is null)
        {
            if (required)
            {
                throw FhirException.Invalid($"Parameter '{parameter}' is required.", parameter);
            }

            return;
        }

        if (!IsSnomed(system))
        {
            throw FhirException.NotFound($"Unknown code system '{system}'; this server has only {System}.", parameter);
        }
    }
}
