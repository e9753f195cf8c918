namespace Fkj.Cdr.Storage.Embedded;

/// <summary>How the embedded PostgreSQL server is laid out and run.</summary>
public sealed class EmbeddedPostgresOptions
{
    /// <summary>
    /// The data directory. The cluster lives in <c>pg/</c> below it, the server log in <c>log/</c>, the
    /// Unix socket in <c>run/</c> and the superuser password in <c>superuser.password</c>.
    /// </summary>
    public string DataDirectory { get; set; } = "./.fkj";

    /// <summary>Where initdb, pg_ctl and postgres are; found on PATH or in /usr/lib/postgresql when null.</summary>
    public string? BinDirectory { get; set; }

    /// <summary>The superuser that initdb creates; the server connects as this role.</summary>
    public string SuperUser { get; set; } = "fkj";

    /// <summary>The application database, created on first start.</summary>
    public string Database { get; set; } = "fkj";

    /// <summary>How long pg_ctl may wait for the server to start or stop.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>Server settings that replace or add to <see cref="PostgresSettings.Defaults"/>.</summary>
    public IDictionary<string, string> Settings { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
