using System.Globalization;
using Npgsql;

namespace Fkj.Cdr.Load.Crash;

/// <summary>
/// The data directory of a server that runs its own embedded PostgreSQL (<c>--data-dir</c>; layout in
/// <c>Fkj.Cdr.Storage.Embedded.EmbeddedPostgres</c>): where that PostgreSQL listens and its postmaster's pid,
/// read from <c>pg/postmaster.pid</c>, and its superuser password, from <c>superuser.password</c>. The harness
/// connects with them to check what the server wrote.
/// </summary>
public sealed class ServerDataDirectory(string path)
{
    /// <summary>The superuser and the database the embedded PostgreSQL is created with (EmbeddedPostgresOptions' defaults).</summary>
    private const string SuperUser = "fkj";
    private const string Database = "fkj";

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    private string PidFile => System.IO.Path.Combine(Path, "pg", "postmaster.pid");

    /// <summary>The running postmaster's pid, or null when its pid file is missing or names no live PostgreSQL of this cluster.</summary>
    public int? PostmasterPid()
    {
        var lines = ReadPidFile();
        if (lines is null || !int.TryParse(lines[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
        {
            return null;
        }
        // The pid is only ours to signal while it is a postgres process of this cluster (pids are reused).
        try
        {
            var command = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
            var status = File.ReadAllText($"/proc/{pid}/stat");
            var state = status[(status.LastIndexOf(')') + 2)..].FirstOrDefault();
            return command.Contains("postgres", StringComparison.Ordinal) && command.Contains(System.IO.Path.Combine(Path, "pg"), StringComparison.Ordinal) && state != 'Z'
                ? pid
                : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>A connection string to the running embedded PostgreSQL, as its superuser (who is not held by row-level security).</summary>
    public string ConnectionString()
    {
        var lines = ReadPidFile() ?? throw new LoadSetupException($"No PostgreSQL is running in {Path} ({PidFile} is missing).");
        // postmaster.pid: pid, data directory, start time, port, socket directory, listen address, ...
        if (lines.Length < 4 || !int.TryParse(lines[3], NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            throw new LoadSetupException($"{PidFile} names no port.");
        }
        var password = File.ReadAllText(System.IO.Path.Combine(Path, "superuser.password")).Trim();
        return new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = SuperUser,
            Password = password,
            Database = Database,
            ApplicationName = "fkj-load-crash-check",
            Pooling = false,
            CommandTimeout = 300,
        }.ConnectionString;
    }

    /// <summary>
    /// SIGKILL to the postmaster: PostgreSQL crashes as it would with the machine (its backends exit when they
    /// notice), and its next start replays the WAL. True when there was one to kill.
    /// </summary>
    public bool KillPostgres()
    {
        if (PostmasterPid() is not { } pid)
        {
            return false;
        }
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            process.Kill(entireProcessTree: false);
            return true;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>
    /// Stops a PostgreSQL left running here by a killed server (fast shutdown, SIGINT), when the run ends
    /// without a server to stop it; waits until it is gone.
    /// </summary>
    public async Task StopOrphanedPostgresAsync(TimeSpan limit)
    {
        if (PostmasterPid() is not { } pid || OperatingSystem.IsWindows())
        {
            return;
        }
        _ = kill(pid, SigInt);
        var deadline = DateTime.UtcNow + limit;
        while (PostmasterPid() is not null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100).ConfigureAwait(false);
        }
    }

    private string[]? ReadPidFile()
    {
        try
        {
            var lines = File.ReadAllLines(PidFile);
            return lines.Length > 0 ? lines : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private const int SigInt = 2;

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);
}
