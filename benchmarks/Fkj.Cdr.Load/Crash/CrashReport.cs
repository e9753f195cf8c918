using Fkj.Cdr.Load.Reporting;

namespace Fkj.Cdr.Load.Crash;

/// <summary>One kill and restart: the load before it, the kill, the restart and the check after it.</summary>
public sealed class CrashRound
{
    public int Round { get; set; }

    /// <summary>The kill came when this many commits of the round had been acknowledged.</summary>
    public int KillAt { get; set; }

    /// <summary>Whether the server's PostgreSQL was killed (SIGKILL) together with the server.</summary>
    public bool PostgresKilled { get; set; }

    /// <summary>Commit requests the round's clients sent, acknowledged or not.</summary>
    public int Sent { get; set; }

    public int Acknowledged { get; set; }

    /// <summary>Of the acknowledged commits, new versions of an earlier composition (PUT); the rest are new compositions (POST).</summary>
    public int AcknowledgedUpdates { get; set; }

    /// <summary>Commits of this round left without an answer by the kill.</summary>
    public int Unacknowledged { get; set; }

    /// <summary>How the unacknowledged commits ended: connection-failed (the server died), or a status the server answered as its database died.</summary>
    public SortedDictionary<string, int> UnacknowledgedOutcomes { get; set; } = new(StringComparer.Ordinal);

    public int UnacknowledgedPresent { get; set; }

    public int UnacknowledgedAbsent { get; set; }

    public double SecondsToKill { get; set; }

    /// <summary>From the restart to GET /health answering 200 (PostgreSQL stopped or recovered, migrations checked).</summary>
    public double RestartSeconds { get; set; }

    /// <summary>The check after the restart, over every commit of the run so far.</summary>
    public Verification Check { get; set; } = new();
}

/// <summary>A crash run, as written to <c>crash-{time}.json</c>.</summary>
public sealed class CrashReport
{
    public string Harness { get; set; } = "Fkj.Cdr.Load";

    public string Scenario { get; set; } = "crash";

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public MachineInfo? Machine { get; set; }

    public string CommandLine { get; set; } = "";

    public string Server { get; set; } = "";

    public string DataDirectory { get; set; } = "";

    public int Clients { get; set; }

    public int Ehrs { get; set; }

    public int Variants { get; set; }

    public int CompositionBytes { get; set; }

    public int Seed { get; set; }

    public int Kills { get; set; }

    public int KillAfter { get; set; }

    public List<CrashRound> Rounds { get; set; } = [];

    /// <summary>Commits acknowledged over the run; all of them must be present and intact at the end.</summary>
    public int Acknowledged { get; set; }

    /// <summary>Acknowledged commits found at their uid with the content sent, after the last restart.</summary>
    public int AcknowledgedIntact { get; set; }

    public int Unacknowledged { get; set; }

    public int UnacknowledgedPresent { get; set; }

    public int UnacknowledgedAbsent { get; set; }

    /// <summary>Composition versions checked in the database after the last restart.</summary>
    public int VersionsChecked { get; set; }

    /// <summary>Problems found in any check, by kind (orphans, partial versions, lost or changed commits); none when the run passed.</summary>
    public SortedDictionary<string, int> Problems { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Up to ten rows of each kind of problem.</summary>
    public List<string> ProblemExamples { get; set; } = [];

    public List<string> Notes { get; set; } = [];

    /// <summary>Every round ran, and no check found a problem.</summary>
    public bool Passed { get; set; }

    public List<string> ServerLogs { get; set; } = [];
}
