namespace Fkj.Cdr.Load.Crash;

/// <summary>What one check after a restart found, over every commit of the run so far.</summary>
public sealed class Verification
{
    /// <summary>Commits the server acknowledged (201 or 204 with a version uid).</summary>
    public int Acknowledged { get; set; }

    /// <summary>Acknowledged commits found at their version uid, read back by GET with the content that was sent.</summary>
    public int AcknowledgedIntact { get; set; }

    /// <summary>Commits sent but never acknowledged: in flight when the server died (or sent as it died).</summary>
    public int Unacknowledged { get; set; }

    /// <summary>Unacknowledged commits found whole (committed just before the kill, the answer lost).</summary>
    public int UnacknowledgedPresent { get; set; }

    /// <summary>Unacknowledged commits of which nothing is stored.</summary>
    public int UnacknowledgedAbsent { get; set; }

    /// <summary>Composition versions in the run's EHRs, each checked for its contribution, leaf rows, audit record and marker.</summary>
    public int VersionsChecked { get; set; }

    /// <summary>Versions read back by GET and compared with what was sent.</summary>
    public int VersionsReadBack { get; set; }

    /// <summary>Everything that should not be: orphans, partial versions, lost or changed commits.</summary>
    public List<IntegrityProblem> Problems { get; set; } = [];
}
