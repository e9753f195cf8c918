using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Fkj.Cdr.Storage.Embedded;

/// <summary>
/// A PostgreSQL cluster that lives in a data directory of ours: initialised on first start, started
/// on 127.0.0.1 with a free port, reused on later starts, and stopped on <see cref="StopAsync"/> or dispose.
/// </summary>
/// <remarks>
/// Layout below <see cref="DataDirectory"/>: <c>pg/</c> the cluster, <c>log/postgresql.log</c> the server log,
/// <c>run/</c> the Unix socket (when its path is short enough), <c>superuser.password</c> (0600) the generated
/// password of the superuser, and <c>fkj.lock</c>, locked while this process owns the cluster. As root,
/// PostgreSQL runs as the <c>postgres</c> user, which then owns these files.
/// </remarks>
public sealed partial class EmbeddedPostgres : IAsyncDisposable, IDisposable
{
    private const string ClusterDirName = "pg";
    private const string InitTempDirName = "pg.init-tmp";
    private const int MaxStartAttempts = 8;

    private readonly EmbeddedPostgresOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private PostgresBinaries? _binaries;
    private FileStream? _lock;
    private string? _password;
    private int _port;

    public EmbeddedPostgres(EmbeddedPostgresOptions options, ILogger<EmbeddedPostgres>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!IdentifierPattern().IsMatch(options.SuperUser) || !IdentifierPattern().IsMatch(options.Database))
        {
            throw new ArgumentException("SuperUser and Database must be lower-case SQL identifiers.", nameof(options));
        }
        _options = options;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        DataDirectory = Path.GetFullPath(options.DataDirectory);
    }

    /// <summary>The absolute data directory.</summary>
    public string DataDirectory { get; }

    /// <summary>The PostgreSQL cluster directory (PGDATA).</summary>
    public string ClusterDirectory => Path.Combine(DataDirectory, ClusterDirName);

    /// <summary>The server log.</summary>
    public string LogFile => Path.Combine(DataDirectory, "log", "postgresql.log");

    /// <summary>The file holding the superuser's password.</summary>
    public string PasswordFile => Path.Combine(DataDirectory, "superuser.password");

    /// <summary>Whether a cluster has been initialised in the data directory.</summary>
    public bool IsInitialized => File.Exists(Path.Combine(ClusterDirectory, "PG_VERSION"));

    /// <summary>Whether this instance started the server and has not stopped it.</summary>
    public bool IsRunning { get; private set; }

    /// <summary>The TCP port of the running server.</summary>
    public int Port => IsRunning ? _port : throw new InvalidOperationException("The embedded PostgreSQL server is not running.");

    /// <summary>The connection string to the application database.</summary>
    public string ConnectionString => ConnectionStringFor(_options.Database);

    /// <summary>A connection string to another database of the running server, as the superuser.</summary>
    public string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = _options.SuperUser,
        Password = _password,
        Database = database,
        ApplicationName = "fkj-cdr",
    }.ConnectionString;

    /// <summary>The pid in postmaster.pid, or null when there is none.</summary>
    public int? ReadPostmasterPid()
    {
        var pidFile = Path.Combine(ClusterDirectory, "postmaster.pid");
        try
        {
            var first = File.ReadLines(pidFile).FirstOrDefault();
            return int.TryParse(first, out var pid) ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>
    /// Initialises the cluster when there is none, stops a server left running by an earlier process that
    /// was killed, starts the server and creates the application database when it is missing.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (IsRunning)
            {
                return;
            }
            _binaries ??= PostgresBinaries.Find(_options.BinDirectory);
            PrepareDataDirectory();
            AcquireLock();
            try
            {
                await CheckPostgresUserCanReachAsync(cancellationToken).ConfigureAwait(false);
                if (!IsInitialized)
                {
                    await InitDbAsync(cancellationToken).ConfigureAwait(false);
                }
                _password = (await File.ReadAllTextAsync(PasswordFile, cancellationToken).ConfigureAwait(false)).Trim();
                await StopLeftoverServerAsync(cancellationToken).ConfigureAwait(false);
                await StartServerAsync(cancellationToken).ConfigureAwait(false);
                IsRunning = true;
                try
                {
                    await EnsureDatabaseAsync(cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    await StopServerAsync().ConfigureAwait(false);
                    throw;
                }
            }
            catch
            {
                ReleaseLock();
                throw;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops the server (fast shutdown: open transactions roll back, committed data is safe).</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!IsRunning)
            {
                return;
            }
            await StopServerAsync().ConfigureAwait(false);
            ReleaseLock();
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _gate.Dispose();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>
    /// Forgets the running server without stopping it and drops the data directory lock, as a process
    /// killed with SIGKILL would. Only for tests of the recovery on the next start.
    /// </summary>
    internal void AbandonWithoutStopping()
    {
        IsRunning = false;
        ReleaseLock();
    }

    private void PrepareDataDirectory()
    {
        Directory.CreateDirectory(DataDirectory);
        var logDir = Path.GetDirectoryName(LogFile)!;
        var runDir = Path.Combine(DataDirectory, "run");
        foreach (var dir in new[] { logDir, runDir })
        {
            if (!Directory.Exists(dir))
            {
                Directory.CreateDirectory(dir);
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                }
                ChownToPostgres(dir);
            }
        }
    }

    private void AcquireLock()
    {
        var lockPath = Path.Combine(DataDirectory, "fkj.lock");
        try
        {
            // FileShare.None is an exclusive flock on Unix: released by the kernel if this process dies.
            _lock = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            _lock.SetLength(0);
            using var writer = new StreamWriter(_lock, leaveOpen: true);
            writer.Write(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (IOException e)
        {
            _lock = null;
            throw new EmbeddedPostgresException(
                $"The data directory '{DataDirectory}' is in use by another running Fkj.Cdr process (see {lockPath}). " +
                "Stop that process or choose another data directory.", e);
        }
    }

    private void ReleaseLock()
    {
        _lock?.Dispose();
        _lock = null;
    }

    private async Task CheckPostgresUserCanReachAsync(CancellationToken cancellationToken)
    {
        if (!UnixUser.IsRoot)
        {
            return;
        }
        var result = await ProcessRunner.RunAsync("test", ["-x", DataDirectory], asPostgresUser: true, cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new EmbeddedPostgresException(
                $"PostgreSQL runs as the '{UnixUser.PostgresUser}' user, which cannot reach '{DataDirectory}'. " +
                "Make every parent directory traversable (chmod o+x) or choose a data directory elsewhere.");
        }
    }

    private async Task InitDbAsync(CancellationToken cancellationToken)
    {
        var temp = Path.Combine(DataDirectory, InitTempDirName);
        if (Directory.Exists(temp))
        {
            // Left by an initdb that was interrupted: it never held data.
            Directory.Delete(temp, recursive: true);
        }
        if (Directory.Exists(ClusterDirectory))
        {
            throw new EmbeddedPostgresException(
                $"'{ClusterDirectory}' exists but holds no PostgreSQL cluster (no PG_VERSION). Move it away to start afresh.");
        }
        Directory.CreateDirectory(temp);
        ChownToPostgres(temp);
        if (!File.Exists(PasswordFile))
        {
            WritePrivateFile(PasswordFile, Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)) + "\n");
        }

        _logger.LogInformation("Initialising PostgreSQL cluster in {ClusterDirectory}", ClusterDirectory);
        await ProcessRunner.RunCheckedAsync(_binaries!.InitDb,
        [
            "--pgdata", temp,
            "--username", _options.SuperUser,
            "--pwfile", PasswordFile,
            "--auth", "scram-sha-256",
            "--encoding", "UTF8",
            "--locale", "C",
            "--data-checksums",
            "--no-instructions",
        ], asPostgresUser: true, cancellationToken).ConfigureAwait(false);

        await File.AppendAllTextAsync(Path.Combine(temp, "postgresql.conf"),
            "\n# Fkj.Cdr writes its settings to fkj.conf on every start.\ninclude_if_exists = 'fkj.conf'\n",
            cancellationToken).ConfigureAwait(false);
        Directory.Move(temp, ClusterDirectory);
    }

    private async Task StopLeftoverServerAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(Path.Combine(ClusterDirectory, "postmaster.pid")))
        {
            return;
        }
        if (ReadPostmasterPid() is { } oldPid && ProcessState.Of(oldPid) == ProcessStatus.Zombie)
        {
            // A killed postmaster that init has not reaped yet: pg_ctl and postgres would take it for
            // a running server. It is dead; wait for it to be gone, then postgres replaces the pid file.
            _logger.LogInformation("The server that left postmaster.pid (pid {Pid}) died; waiting for it to be reaped", oldPid);
            await ProcessState.WaitWhileZombieAsync(oldPid, _options.Timeout, cancellationToken).ConfigureAwait(false);
        }
        var status = await PgCtlAsync(["status", "--pgdata", ClusterDirectory], cancellationToken).ConfigureAwait(false);
        if (status.ExitCode != 0)
        {
            // A stale pid file from a server that died: postgres removes it when it starts.
            _logger.LogInformation("Found a stale postmaster.pid in {ClusterDirectory}; the server will replace it", ClusterDirectory);
            return;
        }
        _logger.LogWarning(
            "A PostgreSQL server left running by an earlier process (pid {Pid}) owns {ClusterDirectory}; stopping it",
            ReadPostmasterPid(), ClusterDirectory);
        var stop = await PgCtlAsync(["stop", "--pgdata", ClusterDirectory, "--mode", "fast", "--wait", "--timeout", TimeoutSeconds, "--silent"], cancellationToken).ConfigureAwait(false);
        if (stop.ExitCode != 0)
        {
            throw new EmbeddedPostgresException($"Could not stop the PostgreSQL server left running in '{ClusterDirectory}': {stop.Output}");
        }
    }

    private async Task StartServerAsync(CancellationToken cancellationToken)
    {
        var confPath = Path.Combine(ClusterDirectory, "fkj.conf");
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort.Next();
            var socketDir = PostgresSettings.SocketDirectoryFor(Path.Combine(DataDirectory, "run"), port);
            await File.WriteAllTextAsync(confPath, PostgresSettings.Render(port, socketDir, _options.Settings), cancellationToken).ConfigureAwait(false);
            ChownToPostgres(confPath);

            var logStart = File.Exists(LogFile) ? new FileInfo(LogFile).Length : 0;
            var result = await PgCtlAsync(
                ["start", "--pgdata", ClusterDirectory, "--log", LogFile, "--wait", "--timeout", TimeoutSeconds, "--silent"],
                cancellationToken).ConfigureAwait(false);
            if (result.ExitCode == 0)
            {
                _port = port;
                _logger.LogInformation("PostgreSQL started on 127.0.0.1:{Port} (pid {Pid}, cluster {ClusterDirectory})",
                    port, ReadPostmasterPid(), ClusterDirectory);
                return;
            }

            var log = ReadLogFrom(logStart);
            var retryable = log.Contains("could not bind", StringComparison.OrdinalIgnoreCase)
                || log.Contains("Address already in use", StringComparison.OrdinalIgnoreCase)
                || log.Contains("pre-existing shared memory block", StringComparison.OrdinalIgnoreCase)
                || log.Contains("lock file \"postmaster.pid\" already exists", StringComparison.OrdinalIgnoreCase);
            if (!retryable || attempt >= MaxStartAttempts)
            {
                throw new EmbeddedPostgresException(
                    $"PostgreSQL did not start (pg_ctl exit code {result.ExitCode}): {result.Output}\nServer log ({LogFile}):\n{log}");
            }
            _logger.LogWarning("PostgreSQL did not start on port {Port} (attempt {Attempt}); retrying", port, attempt);
            // Processes of a killed server take a moment to notice and exit.
            await Task.Delay(TimeSpan.FromMilliseconds(500 * attempt), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task StopServerAsync()
    {
        var result = await PgCtlAsync(
            ["stop", "--pgdata", ClusterDirectory, "--mode", "fast", "--wait", "--timeout", TimeoutSeconds, "--silent"],
            CancellationToken.None).ConfigureAwait(false);
        IsRunning = false;
        if (result.ExitCode != 0)
        {
            var status = await PgCtlAsync(["status", "--pgdata", ClusterDirectory], CancellationToken.None).ConfigureAwait(false);
            if (status.ExitCode == 0)
            {
                throw new EmbeddedPostgresException($"Could not stop PostgreSQL in '{ClusterDirectory}': {result.Output}");
            }
            // Already stopped by someone else: nothing left to do.
        }
        _logger.LogInformation("PostgreSQL stopped (cluster {ClusterDirectory})", ClusterDirectory);
    }

    private async Task EnsureDatabaseAsync(CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionStringFor("postgres")) { Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", _options.Database);
        if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null)
        {
            return;
        }
        // An identifier cannot be a parameter; the name is checked against IdentifierPattern in the constructor.
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_options.Database}\"", connection);
        await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        _logger.LogInformation("Created database {Database}", _options.Database);
    }

    private Task<ProcessResult> PgCtlAsync(IEnumerable<string> arguments, CancellationToken cancellationToken) =>
        ProcessRunner.RunAsync(_binaries!.PgCtl, arguments, asPostgresUser: true, cancellationToken);

    private string TimeoutSeconds => ((int)Math.Ceiling(_options.Timeout.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private string ReadLogFrom(long offset)
    {
        try
        {
            using var stream = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            stream.Seek(Math.Min(offset, stream.Length), SeekOrigin.Begin);
            using var reader = new StreamReader(stream);
            var text = reader.ReadToEnd();
            return text.Length > 4000 ? text[^4000..] : text;
        }
        catch (IOException)
        {
            return "(no server log)";
        }
    }

    private static void WritePrivateFile(string path, string content)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var stream = new FileStream(path, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(content);
        }
        ChownToPostgres(path);
    }

    private static void ChownToPostgres(string path)
    {
        if (!UnixUser.IsRoot)
        {
            return;
        }
        var result = ProcessRunner.RunAsync("chown", ["-R", UnixUser.PostgresUser + ":", path], asPostgresUser: false).GetAwaiter().GetResult();
        if (result.ExitCode != 0)
        {
            throw new EmbeddedPostgresException($"Could not hand '{path}' to the '{UnixUser.PostgresUser}' user: {result.Output}");
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex IdentifierPattern();
}
