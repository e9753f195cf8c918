using Fkj.Cdr.Rm.Common;

namespace Fkj.Cdr.Server.Ehr;

/// <summary>
/// One version a client asks to commit: an ORIGINAL_VERSION of a CONTRIBUTION body, or the single version behind
/// a directory write. The paths say where its parts were in the request, for error answers.
/// </summary>
public sealed class VersionRequest
{
    /// <summary>Where the version is in the body (<c>/versions/2</c>); empty for a single-resource request.</summary>
    public required string Path { get; init; }

    /// <summary>The prefix of paths inside its data (<c>/versions/2/data</c>; empty when the body is the data itself).</summary>
    public required string DataPath { get; init; }

    /// <summary>Where the preceding version uid came from (<c>/versions/2/preceding_version_uid</c>), or null for an If-Match header.</summary>
    public string? PrecedingPath { get; init; }

    /// <summary>commit_audit.change_type: a <see cref="Storage.Records.ChangeType"/> code.</summary>
    public required short ChangeType { get; init; }

    /// <summary>lifecycle_state: a <see cref="Storage.Records.LifecycleState"/> code.</summary>
    public required short LifecycleState { get; init; }

    /// <summary>commit_audit.description, if any.</summary>
    public string? Description { get; init; }

    /// <summary>preceding_version_uid.value as sent (null or empty when absent).</summary>
    public string? PrecedingVersionUid { get; init; }

    /// <summary>The version's own uid (ORIGINAL_VERSION.uid.value), if the client gave one.</summary>
    public string? Uid { get; init; }

    /// <summary>The COMPOSITION, EHR_STATUS or FOLDER; may be absent for a deletion.</summary>
    public Locatable? Data { get; init; }

    /// <summary>The RM type of the versioned object when there is no data to tell (a DELETE of the directory).</summary>
    public string? RmType { get; init; }

    public bool IsCreation => ChangeType == Storage.Records.ChangeType.Creation;

    public bool IsDeletion => ChangeType == Storage.Records.ChangeType.Deleted;

    /// <summary>The version's position for messages: "version 3" in a contribution, "the folder" otherwise.</summary>
    public string Name => Path.Length == 0 ? "the request" : $"the version at {Path}";

    /// <summary>The ORIGINAL_VERSION at <paramref name="path"/> (<c>/versions/i</c>) of a CONTRIBUTION body, as either codec read it.</summary>
    internal static VersionRequest InContribution(string path, short changeType, short lifecycleState, string? description,
        string? precedingVersionUid, string? uid, Locatable? data) => new()
    {
        Path = path,
        DataPath = $"{path}/data",
        PrecedingPath = $"{path}/preceding_version_uid",
        ChangeType = changeType,
        LifecycleState = lifecycleState,
        Description = description,
        PrecedingVersionUid = precedingVersionUid,
        Uid = uid,
        Data = data,
    };
}

/// <summary>The commit audit a CONTRIBUTION body gives (AUDIT_DETAILS without what the server sets: system id, time).</summary>
internal sealed class RequestedAudit
{
    public PartyProxy? Committer { get; set; }

    public short? ChangeType { get; set; }

    public string? Description { get; set; }
}

/// <summary>A CONTRIBUTION a client asks to commit: its uid (if given), its audit, and its versions in order.</summary>
/// <param name="Uid">CONTRIBUTION.uid, if the client gave one (it must not be in use).</param>
/// <param name="Commit">The contribution's audit: committer, description; the time is the server's.</param>
/// <param name="ChangeType">audit.change_type.</param>
/// <param name="Versions">The versions, in the order of the body.</param>
/// <param name="Resource">What the body was, for error codes: <c>contribution</c> or <c>folder</c>.</param>
public sealed record ContributionRequest(Guid? Uid, CommitInfo Commit, short ChangeType, IReadOnlyList<VersionRequest> Versions, string Resource = "contribution");
