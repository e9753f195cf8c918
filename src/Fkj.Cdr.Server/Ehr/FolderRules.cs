using Fkj.Cdr.Rm.Common;
using Fkj.Cdr.Rm.Identification;
using Fkj.Cdr.Server.Errors;

namespace Fkj.Cdr.Server.Ehr;

/// <summary>
/// The RM invariants of a directory FOLDER that the codec does not check, in it and every sub-folder: a name and
/// archetype node id with text in them, and items that are references (OBJECT_REF) with an id value, a type, and a
/// namespace that OBJECT_REF's invariant allows. Items are not looked up: a folder may refer to objects of other
/// EHRs or systems.
/// </summary>
public static class FolderRules
{
    /// <summary>Every broken invariant, with its JSON path; empty when there is none.</summary>
    public static IReadOnlyList<ErrorIssue> Check(Folder folder)
    {
        var issues = new List<ErrorIssue>();
        Check(folder, "", issues);
        return issues;
    }

    private static void Check(Folder folder, string path, List<ErrorIssue> issues)
    {
        if (string.IsNullOrWhiteSpace(folder.ArchetypeNodeId))
        {
            issues.Add(new ErrorIssue("invalid_value", "archetype_node_id is empty.", $"{path}/archetype_node_id"));
        }
        if (string.IsNullOrWhiteSpace(folder.Name?.Value))
        {
            issues.Add(new ErrorIssue("invalid_value", "name/value is empty: a folder is found by its name.", $"{path}/name/value"));
        }
        for (var i = 0; i < (folder.Items?.Count ?? 0); i++)
        {
            CheckItem(folder.Items![i], $"{path}/items/{i}", issues);
        }
        for (var i = 0; i < (folder.Folders?.Count ?? 0); i++)
        {
            Check(folder.Folders![i], $"{path}/folders/{i}", issues);
        }
    }

    private static void CheckItem(ObjectRef item, string path, List<ErrorIssue> issues)
    {
        if (string.IsNullOrWhiteSpace(item.Id?.Value))
        {
            issues.Add(new ErrorIssue("invalid_value", "The item's id has no value.", $"{path}/id/value"));
        }
        if (!EhrStatusRules.Namespace().IsMatch(item.Namespace ?? ""))
        {
            issues.Add(new ErrorIssue("invalid_value",
                $"The item's namespace '{item.Namespace}' is not a namespace: a letter, then letters, digits and _.:/&?=+-.", $"{path}/namespace"));
        }
        if (string.IsNullOrWhiteSpace(item.Type))
        {
            issues.Add(new ErrorIssue("invalid_value", "The item's type is empty (such as VERSIONED_COMPOSITION).", $"{path}/type"));
        }
    }
}
