using Fkj.Cdr.Fhir.Resources;

namespace Fkj.Cdr.Fhir;

/// <summary>
/// An operation that cannot be answered: the HTTP status and one OperationOutcome issue (an issue-type code from
/// http://hl7.org/fhir/issue-type such as <c>invalid</c>, <c>not-found</c>, <c>too-costly</c>).
/// </summary>
public sealed class FhirException(int status, string issueCode, string diagnostics, string? expression = null)
    : Exception(diagnostics)
{
    public int Status { get; } = status;

    public string IssueCode { get; } = issueCode;

    public string? Expression { get; } = expression;

    public OperationOutcome ToOutcome() => OperationOutcome.Error(IssueCode, Message, Expression);

    public static FhirException Invalid(string diagnostics, string? expression = null) => new(400, "invalid", diagnostics, expression);

    public static FhirException NotFound(string diagnostics, string? expression = null) => new(404, "not-found", diagnostics, expression);
}
