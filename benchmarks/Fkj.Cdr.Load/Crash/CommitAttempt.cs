namespace Fkj.Cdr.Load.Crash;

/// <summary>What a commit of the crash scenario did: a new composition, or a new version of one the client committed before.</summary>
public enum CommitKind
{
    Create,
    Update,
}

/// <summary>
/// One commit request of the crash scenario, from before it was sent to its answer: what was sent (the
/// variant and the marker, from which the body is rebuilt) and whether the server acknowledged it (201 or 204
/// with the new version uid). An acknowledged commit must survive any crash after it; one that was never
/// acknowledged may be present or absent, but whole.
/// </summary>
public sealed class CommitAttempt(int round, int client, CommitKind kind, string ehrId, string? precedingUid, int variant, Guid marker)
{
    public int Round { get; } = round;

    public int Client { get; } = client;

    public CommitKind Kind { get; } = kind;

    public string EhrId { get; } = ehrId;

    /// <summary>The version an update replaces (its If-Match); null for a create.</summary>
    public string? PrecedingUid { get; } = precedingUid;

    public int Variant { get; } = variant;

    public Guid Marker { get; } = marker;

    /// <summary>The answer: an HTTP status ("201") or what went wrong instead ("connection-failed", "timeout"); null while in flight.</summary>
    public string? Outcome { get; private set; }

    /// <summary>The version uid the server gave, when it acknowledged the commit.</summary>
    public string? VersionUid { get; private set; }

    public bool Acknowledged => VersionUid is not null;

    public void Complete(string outcome, string? versionUid)
    {
        Outcome = outcome;
        VersionUid = versionUid;
    }
}
