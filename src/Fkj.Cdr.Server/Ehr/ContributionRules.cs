using Fkj.Cdr.Rm.Common;
using Fkj.Cdr.Rm.Content;
using Fkj.Cdr.Rm.Records;
using Fkj.Cdr.Server.Errors;
using Fkj.Cdr.Storage.Records;

namespace Fkj.Cdr.Server.Ehr;

/// <summary>
/// What a contribution's versions must be before anything is looked up: each change type with what it needs
/// (a creation has no preceding version, every other change names the one it follows), data of a versioned RM type
/// (COMPOSITION, EHR_STATUS, FOLDER) that keeps the RM's invariants, uids that are ids of this server's form, and each
/// versioned object changed once. Problems are listed at their paths in the body, all of them.
/// </summary>
public static class ContributionRules
{
    /// <summary>Every problem of the request's versions; empty when there is none.</summary>
    public static IReadOnlyList<ErrorIssue> Check(ContributionRequest request)
    {
        var issues = new List<ErrorIssue>();
        var objects = new Dictionary<Guid, string>();
        string? folder = null;
        string? status = null;
        foreach (var version in request.Versions)
        {
            Check(version, issues);
            if (ObjectOf(version) is { } objectId)
            {
                if (objects.TryGetValue(objectId, out var first))
                {
                    issues.Add(new ErrorIssue("duplicate_object",
                        $"The versioned object {objectId:D} is changed at {first} already: a contribution makes one version of an object.", Where(version)));
                }
                else
                {
                    objects[objectId] = version.Path;
                }
            }
            switch (version.Data)
            {
                case Folder when folder is not null:
                    issues.Add(new ErrorIssue("duplicate_object", $"The directory is changed at {folder} already: an EHR has one directory, and a contribution makes one version of it.", version.DataPath));
                    break;
                case Folder:
                    folder = version.Path;
                    break;
                case EhrStatus when status is not null:
                    issues.Add(new ErrorIssue("duplicate_object", $"The EHR_STATUS is changed at {status} already: a contribution makes one version of it.", version.DataPath));
                    break;
                case EhrStatus:
                    status = version.Path;
                    break;
            }
        }
        return issues;
    }

    /// <summary>
    /// The versioned object id a creation asks for: the object id of its uid (or its data's uid), which the server keeps
    /// so that other versions (a folder's items) can refer to it; null when it gives none, and the server makes one.
    /// </summary>
    public static Guid? RequestedObjectId(VersionRequest version)
    {
        var text = string.IsNullOrEmpty(version.Data?.Uid?.Value) ? version.Uid : version.Data!.Uid!.Value;
        return ParseObjectId(text, out var objectId) == UidForm.Valid ? objectId : null;
    }

    private static void Check(VersionRequest version, List<ErrorIssue> issues)
    {
        var preceding = version.PrecedingVersionUid;
        VersionUid? precedingUid = null;
        if (version.IsCreation)
        {
            if (!string.IsNullOrEmpty(preceding))
            {
                issues.Add(new ErrorIssue("preceding_version_not_allowed",
                    $"A creation (change type 249) makes the first version of a new object, which has no preceding version, yet it names {preceding}. To change that object, commit a modification (251), an amendment (250) or a deletion (523).",
                    version.PrecedingPath ?? version.Path));
            }
        }
        else if (string.IsNullOrEmpty(preceding))
        {
            issues.Add(new ErrorIssue("preceding_version_required",
                $"A {ChangeType.Rubric(version.ChangeType)} (change type {version.ChangeType}) follows the latest version of an object: give its version uid in preceding_version_uid.",
                version.PrecedingPath ?? version.Path));
        }
        else if (VersionUid.TryParse(preceding, out var parsed))
        {
            precedingUid = parsed;
        }
        else
        {
            issues.Add(new ErrorIssue("invalid_uid", $"'{Shorten(preceding)}' is not a version uid ({{uuid}}::{{system_id}}::{{version}}).", version.PrecedingPath ?? version.Path));
        }

        if (version.LifecycleState == LifecycleState.Deleted && !version.IsDeletion)
        {
            issues.Add(new ErrorIssue("invalid_lifecycle_state", "Only a deletion (change type 523) has the lifecycle state deleted (523).", $"{version.Path}/lifecycle_state"));
        }

        var data = version.Data;
        if (data is null)
        {
            if (!version.IsDeletion)
            {
                issues.Add(new ErrorIssue("missing_attribute", "The version has no data: every version but a deletion carries the COMPOSITION, EHR_STATUS or FOLDER it commits.", version.DataPath));
            }
            return;
        }
        switch (data)
        {
            case Composition:
                break;
            case EhrStatus status:
                if (version.IsDeletion)
                {
                    issues.Add(new ErrorIssue("not_deletable", "An EHR_STATUS cannot be deleted: an EHR always has one. Commit a modification instead.", version.Path + "/commit_audit/change_type"));
                }
                issues.AddRange(EhrStatusRules.Check(status).Select(i => i with { Path = version.DataPath + i.Path }));
                break;
            case Folder folder:
                issues.AddRange(FolderRules.Check(folder).Select(i => i with { Path = version.DataPath + i.Path }));
                break;
            default:
                issues.Add(new ErrorIssue("unsupported_type",
                    $"A version's data is a COMPOSITION, an EHR_STATUS or a FOLDER, not {data.RmType.Name}.", version.DataPath + "/_type"));
                return;
        }

        CheckUids(version, precedingUid, issues);
    }

    /// <summary>The uids a version carries (its own, its data's) must be of the object it makes or follows.</summary>
    private static void CheckUids(VersionRequest version, VersionUid? preceding, List<ErrorIssue> issues)
    {
        Guid? seen = null;
        foreach (var (text, path) in new[] { (version.Uid, version.Path + "/uid"), (version.Data?.Uid?.Value, version.DataPath + "/uid") })
        {
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }
            switch (ParseObjectId(text, out var objectId))
            {
                case UidForm.Invalid:
                    issues.Add(new ErrorIssue("invalid_uid",
                        $"'{Shorten(text)}' is not a uid of this server's form: a versioned object id (a UUID) or a version uid ({{uuid}}::{{system_id}}::{{version}}).", path));
                    continue;
                case UidForm.LaterVersion when version.IsCreation:
                    issues.Add(new ErrorIssue("invalid_uid", $"'{Shorten(text)}' names a later version, but a creation makes version 1.", path));
                    continue;
            }
            if (preceding is { } follows && objectId != follows.ObjectId)
            {
                issues.Add(new ErrorIssue("uid_mismatch", $"The uid {text} is not of the object of preceding_version_uid ({follows.ObjectId:D}).", path));
            }
            else if (seen is { } other && other != objectId)
            {
                issues.Add(new ErrorIssue("uid_mismatch", $"The uid {text} and the version's uid name different objects.", path));
            }
            seen = objectId;
        }
    }

    private enum UidForm { Valid, LaterVersion, Invalid }

    /// <summary>A UUID, or a version uid (of any system); a creation's may only be version 1.</summary>
    private static UidForm ParseObjectId(string? text, out Guid objectId)
    {
        if (VersionUid.TryParse(text, out var uid))
        {
            objectId = uid.Value.ObjectId;
            return uid.Value.Version == 1 ? UidForm.Valid : UidForm.LaterVersion;
        }
        return Guid.TryParseExact(text, "D", out objectId) ? UidForm.Valid : UidForm.Invalid;
    }

    /// <summary>The object a version is about, when the request says: the object of its preceding version, or the id its creation asks for.</summary>
    private static Guid? ObjectOf(VersionRequest version) =>
        version.IsCreation ? RequestedObjectId(version)
        : VersionUid.TryParse(version.PrecedingVersionUid, out var preceding) ? preceding.Value.ObjectId : null;

    private static string Where(VersionRequest version) => version.IsCreation ? version.DataPath + "/uid" : version.PrecedingPath ?? version.Path;

    private static string Shorten(string text) => text.Length > 100 ? text[..100] + "…" : text;
}
