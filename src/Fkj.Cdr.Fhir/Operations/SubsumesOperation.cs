using Fkj.Cdr.Fhir.Resources;
using Fkj.Cdr.Terminology.Index;

namespace Fkj.Cdr.Fhir.Operations;

/// <summary>
/// <c>CodeSystem/$subsumes</c> (FHIR R4): in <c>codeA</c>, <c>codeB</c> with <c>system</c>, or <c>codingA</c>,
/// <c>codingB</c>; out <c>outcome</c>: <c>equivalent</c> (the same concept), <c>subsumes</c> (A is an ancestor of
/// B), <c>subsumed-by</c> (A is a descendant of B) or <c>not-subsumed</c>, by the active inferred IS-A closure.
/// </summary>
public sealed class SubsumesOperation(SnomedIndex index)
{
    public Parameters Execute(OperationInput input)
    {
        var a = Code(input, "A");
        var b = Code(input, "B");
        var outcome = a == b ? "equivalent"
            : index.Subsumes(a, b) ? "subsumes"
            : index.Subsumes(b, a) ? "subsumed-by"
            : "not-subsumed";
        return new Parameters([Parameter.Of("outcome", FhirValue.Code(outcome))]);
    }

    private long Code(OperationInput input, string which)
    {
        if (input.Coding("coding" + which) is { } coding)
        {
            SnomedCodes.RequireSystem(coding.System, "coding" + which, required: true);
            return SnomedCodes.Require(index, coding.Code, "coding" + which);
        }

        SnomedCodes.RequireSystem(input.Text("system"), "system", required: true);
        return SnomedCodes.Require(index, input.Text("code" + which), "code" + which);
    }
}
