using System.Text;

namespace Fkj.Cdr.Storage.Embedded;

/// <summary>
/// The server settings of the embedded cluster, written to <c>fkj.conf</c> in the cluster directory
/// on every start (postgresql.conf includes it), so a newer server brings its newer defaults along.
/// </summary>
public static class PostgresSettings
{
    /// <summary>Longest Unix socket path Linux accepts (sun_path is 108 bytes with its terminator).</summary>
    public const int MaxSocketPathLength = 107;

    /// <summary>Sensible settings for a development CDR on one machine. Durability is never traded away.</summary>
    public static IReadOnlyDictionary<string, string> Defaults { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // Durability: an acknowledged commit is on disk.
        ["fsync"] = "on",
        ["synchronous_commit"] = "on",
        ["full_page_writes"] = "on",
        ["wal_level"] = "replica",
        // Capacity.
        ["max_connections"] = "200",
        ["shared_buffers"] = "256MB",
        ["work_mem"] = "16MB",
        ["maintenance_work_mem"] = "128MB",
        ["effective_cache_size"] = "1GB",
        ["max_wal_size"] = "1GB",
        ["checkpoint_completion_target"] = "0.9",
        // Short OLTP queries gain nothing from JIT compilation and pay its start-up cost.
        ["jit"] = "off",
        // Predictable behaviour.
        ["timezone"] = "'UTC'",
        ["log_timezone"] = "'UTC'",
        ["password_encryption"] = "'scram-sha-256'",
        ["log_line_prefix"] = "'%m [%p] %q%u@%d '",
        ["log_min_duration_statement"] = "1000",
        ["log_checkpoints"] = "on",
        ["logging_collector"] = "off",
    };

    /// <summary>Renders the configuration file for one start.</summary>
    public static string Render(int port, string? socketDirectory, IEnumerable<KeyValuePair<string, string>> overrides)
    {
        var settings = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in Defaults)
        {
            settings[k] = v;
        }
        foreach (var (k, v) in overrides)
        {
            settings[k] = v;
        }
        // Only loopback, on the port chosen for this start; the socket stays inside the data directory.
        settings["listen_addresses"] = "'127.0.0.1'";
        settings["port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["unix_socket_directories"] = Quote(socketDirectory ?? "");
        settings["unix_socket_permissions"] = "0700";

        var sb = new StringBuilder();
        sb.Append("# Written by Fkj.Cdr on every start of the embedded server; edits here are lost.\n");
        sb.Append("# Use postgresql.auto.conf (ALTER SYSTEM) for lasting local changes.\n");
        foreach (var (k, v) in settings)
        {
            sb.Append(k).Append(" = ").Append(v).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>The socket directory when its socket path fits the limit, else null (sockets off).</summary>
    public static string? SocketDirectoryFor(string candidate, int port)
    {
        var socketPath = Path.Combine(candidate, $".s.PGSQL.{port}");
        return System.Text.Encoding.UTF8.GetByteCount(socketPath) <= MaxSocketPathLength ? candidate : null;
    }

    private static string Quote(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
