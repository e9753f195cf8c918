namespace Fkj.Cdr.Load.Options;

/// <summary>In which rounds of the crash scenario the server's PostgreSQL is killed together with the server.</summary>
public enum PostgresKill
{
    /// <summary>Only the server dies; the restarted server finds its PostgreSQL still running and stops it before starting it again.</summary>
    Never,

    /// <summary>Every second round (the second, fourth, ...) PostgreSQL dies too, so its crash recovery replays the WAL.</summary>
    Alternate,

    /// <summary>Every round.</summary>
    Always,
}
