namespace Fkj.Cdr.Templates.Validation;

/// <summary>
/// One way a composition breaks its template. <see cref="Path"/> is the openEHR path of the offending
/// node or attribute from the composition root, with node ids and, where siblings share a node id, a
/// 1-based index (<c>/content[openEHR-EHR-OBSERVATION.bp.v2]/data[at0001]/events[at0006,2]/…/value/magnitude</c>).
/// </summary>
/// <param name="Path">Where, as an openEHR path.</param>
/// <param name="Code">A stable machine-readable code, one of <see cref="ValidationErrorCodes"/>.</param>
/// <param name="Constraint">What the template allows there, in ADL-like notation, e.g. <c>0..1000 mm[Hg]</c>.</param>
/// <param name="Found">What the composition has there, e.g. <c>1200</c>; empty when nothing is there.</param>
/// <param name="Message">A sentence for people.</param>
public sealed record ValidationError(string Path, string Code, string Constraint, string Found, string Message)
{
    public override string ToString() => $"{Path}: {Message} [{Code}; allowed {Constraint}; found {Found}]";
}

/// <summary>
/// A code the template constrains by an external terminology (a SNOMED CT code list, a reference set
/// URI or a CONSTRAINT_REF), which the validator does not decide: it is left for the terminology index.
/// </summary>
/// <param name="Path">The path of the CODE_PHRASE (or of the coded text holding it).</param>
/// <param name="Terminology">The terminology id the composition uses, e.g. <c>SNOMED-CT</c>.</param>
/// <param name="Code">The code the composition uses.</param>
/// <param name="Constraint">What the template says: <c>SNOMED-CT::[123|456]</c>, a reference set URI, or <c>ac0001 → terminology:…</c>.</param>
public sealed record DeferredTerminologyCheck(string Path, string Terminology, string Code, string Constraint);

/// <summary>The outcome of validating one composition: every error found, and the terminology checks left for later.</summary>
public sealed class ValidationResult
{
    private static readonly ValidationError[] NoErrors = [];
    private static readonly DeferredTerminologyCheck[] NoChecks = [];

    /// <summary>The result of a composition that breaks nothing and leaves nothing for the terminology index.</summary>
    public static readonly ValidationResult Valid = new(NoErrors, NoChecks);

    internal ValidationResult(IReadOnlyList<ValidationError>? errors, IReadOnlyList<DeferredTerminologyCheck>? deferred)
    {
        Errors = errors ?? NoErrors;
        DeferredTerminologyChecks = deferred ?? NoChecks;
    }

    /// <summary>Every error, in document order (depth-first); empty when the composition conforms.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    /// <summary>External terminology constraints not decided here, to check against the terminology index.</summary>
    public IReadOnlyList<DeferredTerminologyCheck> DeferredTerminologyChecks { get; }

    public bool IsValid => Errors.Count == 0;

    public override string ToString() =>
        IsValid ? $"valid ({DeferredTerminologyChecks.Count} deferred terminology checks)" : string.Join(Environment.NewLine, Errors);
}
