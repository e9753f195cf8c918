using System.Text.RegularExpressions;
using Fkj.Cdr.Rm.Records;
using Fkj.Cdr.Server.Errors;
using Fkj.Cdr.Storage.Records;

namespace Fkj.Cdr.Server.Ehr;

/// <summary>
/// The RM invariants of an EHR_STATUS that the codec does not check: a name and archetype node id with text in
/// them, and an external_ref (when the subject has one) with an id value, a type, and a namespace that
/// OBJECT_REF's invariant allows (<c>[a-zA-Z][a-zA-Z0-9_.:\/&amp;?=+-]*</c>).
/// </summary>
public static partial class EhrStatusRules
{
    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9_.:/&?=+-]*$")]
    internal static partial Regex Namespace();

    /// <summary>Every broken invariant, with its JSON path; empty when there is none.</summary>
    public static IReadOnlyList<ErrorIssue> Check(EhrStatus status)
    {
        var issues = new List<ErrorIssue>();
        if (string.IsNullOrWhiteSpace(status.ArchetypeNodeId))
        {
            issues.Add(new ErrorIssue("invalid_value", "archetype_node_id is empty.", "/archetype_node_id"));
        }
        if (string.IsNullOrWhiteSpace(status.Name?.Value))
        {
            issues.Add(new ErrorIssue("invalid_value", "name/value is empty.", "/name/value"));
        }
        if (status.Subject?.ExternalRef is { } reference)
        {
            if (string.IsNullOrWhiteSpace(reference.Id?.Value))
            {
                issues.Add(new ErrorIssue("invalid_value", "The subject's external_ref has an empty id value.", "/subject/external_ref/id/value"));
            }
            if (!Namespace().IsMatch(reference.Namespace ?? ""))
            {
                issues.Add(new ErrorIssue("invalid_value",
                    $"The subject's external_ref namespace '{reference.Namespace}' is not a namespace: a letter, then letters, digits and _.:/&?=+-.",
                    "/subject/external_ref/namespace"));
            }
            if (string.IsNullOrWhiteSpace(reference.Type))
            {
                issues.Add(new ErrorIssue("invalid_value", "The subject's external_ref has an empty type.", "/subject/external_ref/type"));
            }
        }
        return issues;
    }

    /// <summary>The subject an EHR_STATUS names (external_ref namespace and id value), or null for an anonymous one.</summary>
    public static EhrSubject? Subject(EhrStatus status) =>
        status.Subject?.ExternalRef is { Id.Value: { Length: > 0 } id, Namespace: { Length: > 0 } ns } ? new EhrSubject(ns, id) : null;

    /// <summary>The EHR_STATUS of an EHR created without one (ITS-REST): PARTY_SELF subject, queryable and modifiable.</summary>
    public static EhrStatus Default() => new()
    {
        ArchetypeNodeId = "openEHR-EHR-EHR_STATUS.generic.v1",
        Name = new Rm.DataTypes.DvText { Value = "EHR Status" },
        Subject = new Rm.Common.PartySelf(),
        IsQueryable = true,
        IsModifiable = true,
    };
}
