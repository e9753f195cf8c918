using Fkj.Cdr.Server.Errors;

namespace Fkj.Cdr.Server.Ehr;

/// <summary>The refusals of the CONTRIBUTION and directory (FOLDER) resources, each with its status and stable code.</summary>
public static class ContributionErrors
{
    /// <summary>400: the body is not a CONTRIBUTION (or FOLDER) that can be committed; every problem with its path.</summary>
    public static ApiException InvalidBody(string what, IReadOnlyList<ErrorIssue> issues) =>
        new(StatusCodes.Status400BadRequest, $"invalid_{what}",
            $"The {what} cannot be committed: {issues.Count} problem{(issues.Count == 1 ? "" : "s")}, such as: {(issues[0].Path is { } path ? path + ": " : "")}{issues[0].Message}",
            issues);

    /// <summary>
    /// 422: compositions of the contribution that do not conform to their templates (or name templates the tenant does
    /// not have); the code is the first problem's, the issues are every version's, at their paths in the body.
    /// </summary>
    public static ApiException Unprocessable(string code, int versions, IReadOnlyList<ErrorIssue> issues) =>
        new(StatusCodes.Status422UnprocessableEntity, code,
            $"{versions} version{(versions == 1 ? "" : "s")} of the contribution cannot be committed: {issues.Count} problem{(issues.Count == 1 ? "" : "s")}, such as: {issues[0].Path}: {issues[0].Message}",
            issues);

    public static ApiException ContributionExists(Guid contributionId) =>
        new(StatusCodes.Status409Conflict, "contribution_exists", $"A contribution with uid {contributionId:D} exists already; give a new uid, or none.", path: "/uid");

    public static ApiException ObjectExists(string path, Guid objectId) =>
        new(StatusCodes.Status409Conflict, "object_exists",
            $"The EHR has a versioned object {objectId:D} already: a creation makes a new object. To change it, commit a modification with its latest version as preceding_version_uid.",
            path: path);

    public static ApiException ObjectIdsTaken(IEnumerable<Guid> objectIds) =>
        new(StatusCodes.Status409Conflict, "object_exists", $"One of the object ids the contribution creates is in use already: {string.Join(", ", objectIds.Select(id => id.ToString("D")))}.");

    public static ApiException EhrStatusExists(string path) =>
        new(StatusCodes.Status409Conflict, "ehr_status_exists",
            "The EHR has its EHR_STATUS, made with the EHR: commit a modification (251) with its latest version as preceding_version_uid.", path: path);

    public static ApiException DirectoryExists(Guid ehrId, string? latest) =>
        new(StatusCodes.Status409Conflict, "directory_exists",
            $"The EHR {ehrId:D} has a directory already{(latest is null ? "" : $" ({latest})")}: an EHR has one. Update it (PUT with If-Match, or a modification), or delete it first.");

    public static ApiException DirectoryNotFound(Guid ehrId) =>
        new(StatusCodes.Status404NotFound, "directory_not_found", $"The EHR {ehrId:D} has no directory.");

    public static ApiException DirectoryDeleted(Guid ehrId) =>
        new(StatusCodes.Status404NotFound, "directory_deleted", $"The directory of EHR {ehrId:D} is deleted; its versions stay readable by version uid. Create a new one with POST.");

    public static ApiException FolderNotFound(Guid ehrId, string uid) =>
        new(StatusCodes.Status404NotFound, "folder_not_found", $"The EHR {ehrId:D} has no directory FOLDER {uid}.");

    public static ApiException PathNotFound(string path) =>
        new(StatusCodes.Status404NotFound, "folder_path_not_found", $"The directory has no sub-folder at path '{path}' (names of FOLDERs below the root, separated by /).");

    public static ApiException EhrStatusNotFound(Guid ehrId, string uid) =>
        new(StatusCodes.Status404NotFound, "ehr_status_not_found", $"{uid} is not a version of the EHR_STATUS of EHR {ehrId:D}.");

    public static ApiException ObjectNotFound(Guid ehrId, string uid) =>
        new(StatusCodes.Status404NotFound, "object_not_found", $"The EHR {ehrId:D} has no versioned object of {uid}.");

    public static ApiException AlreadyDeleted(string what, string uid) =>
        new(StatusCodes.Status400BadRequest, "already_deleted", $"The {what} {uid} is deleted already.");

    /// <summary>
    /// The same refusal about one version of a contribution: its path and every issue's path are put below
    /// <paramref name="prefix"/> (<c>/versions/2/data</c>), and its message says which version; headers (ETag) are kept.
    /// </summary>
    public static ApiException At(ApiException e, string prefix, string? name = null)
    {
        if (prefix.Length == 0)
        {
            return e;
        }
        var issues = e.Issues.Select(i => i with { Path = prefix + (i.Path ?? "") }).ToList();
        // Without a path of its own, the answer's path is the first issue's, or else the version's.
        var path = e.Path is { } own ? prefix + own : issues.Count > 0 ? null : prefix;
        var moved = new ApiException(e.Status, e.Code, name is null ? e.Message : $"{name}: {e.Message}", issues, path);
        foreach (var (header, value) in e.Headers)
        {
            moved.WithHeader(header, value);
        }
        return moved;
    }
}
