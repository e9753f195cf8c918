using System.Text.Json;

namespace Fkj.Cdr.Fhir.Resources;

/// <summary>One OperationOutcome issue: severity (fatal | error | warning | information), issue-type code, diagnostics, FHIRPath expressions.</summary>
public sealed record OutcomeIssue(string Severity, string Code, string? Diagnostics = null, IReadOnlyList<string>? Expression = null);

/// <summary>The FHIR R4 <c>OperationOutcome</c> resource: why an operation failed.</summary>
public sealed class OperationOutcome(IReadOnlyList<OutcomeIssue> issues) : IFhirResource
{
    public string ResourceType => "OperationOutcome";

    public IReadOnlyList<OutcomeIssue> Issues { get; } = issues;

    public static OperationOutcome Error(string code, string diagnostics, string? expression = null) =>
        new([new OutcomeIssue("error", code, diagnostics, expression is null ? null : [expression])]);

    public void Write(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("resourceType", ResourceType);
        writer.WriteStartArray("issue");
        foreach (var issue in Issues)
        {
            writer.WriteStartObject();
            writer.WriteString("severity", issue.Severity);
            writer.WriteString("code", issue.Code);
            if (issue.Diagnostics is not null) writer.WriteString("diagnostics", issue.Diagnostics);
            if (issue.Expression is { Count: > 0 } expressions)
            {
                writer.WriteStartArray("expression");
                foreach (var e in expressions) writer.WriteStringValue(e);
                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
