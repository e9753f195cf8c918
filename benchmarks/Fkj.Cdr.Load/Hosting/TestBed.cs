using Fkj.Cdr.Load.Options;
using Fkj.Cdr.Storage.Embedded;

namespace Fkj.Cdr.Load.Hosting;

/// <summary>
/// The server and the database a run measures. With no --url, the harness starts the server itself as a
/// child process; with no --connection-string either, it first starts an embedded PostgreSQL (a temp data
/// directory unless --data-dir) and points the server at it, so the server and the baselines share one
/// cluster. Disposing stops what was started here, in reverse order, and deletes a temp directory.
/// </summary>
public sealed class TestBed : IAsyncDisposable
{
    private EmbeddedPostgres? _postgres;
    private ServerProcess? _server;
    private string? _tempDirectory;
    private bool _keepTemp;
    private TextWriter _progress = TextWriter.Null;

    private TestBed()
    {
    }

    public Uri ServerUrl { get; private set; } = null!;

    /// <summary>The PostgreSQL of the baselines and the storage figures; null when only a --url was given.</summary>
    public string? ConnectionString { get; private set; }

    /// <summary>How the server and the database came to be, for the report.</summary>
    public string ServerDescription { get; private set; } = "";

    public string DatabaseDescription { get; private set; } = "";

    public string? ServerLog => _server?.LogFile;

    public static async Task<TestBed> StartAsync(LoadOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        var bed = new TestBed { _progress = progress, _keepTemp = options.KeepData };
        try
        {
            await bed.StartCoreAsync(options, cancellationToken).ConfigureAwait(false);
            return bed;
        }
        catch
        {
            await bed.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task StartCoreAsync(LoadOptions options, CancellationToken cancellationToken)
    {
        if (options.Url is not null)
        {
            ServerUrl = options.Url;
            ConnectionString = options.ConnectionString;
            ServerDescription = $"running server at {options.Url} (not started by the harness)";
            DatabaseDescription = ConnectionString is null
                ? "none given: no baselines, no storage figures"
                : "given with --connection-string (assumed to be the server's)";
            if (options.DataDir is not null)
            {
                // The running server's own embedded PostgreSQL: where it listens and its superuser, from its data directory.
                var directory = new Crash.ServerDataDirectory(options.DataDir);
                ConnectionString = new Npgsql.NpgsqlConnectionStringBuilder(directory.ConnectionString()) { Pooling = true }.ConnectionString;
                DatabaseDescription = $"the running server's embedded PostgreSQL in {directory.Path} (--data-dir: port from pg/postmaster.pid, its superuser)";
            }
            return;
        }

        if (options.ConnectionString is not null)
        {
            ConnectionString = options.ConnectionString;
            DatabaseDescription = "given with --connection-string";
        }
        else
        {
            string dataDir;
            if (options.DataDir is not null)
            {
                dataDir = Path.GetFullPath(options.DataDir);
                DatabaseDescription = $"embedded PostgreSQL in {dataDir}";
            }
            else
            {
                _tempDirectory = Path.Combine(Path.GetTempPath(), $"fkj-load-{Guid.NewGuid():N}"[..21]);
                Directory.CreateDirectory(_tempDirectory);
                // Traversable by the postgres user, who runs PostgreSQL when we are root.
                File.SetUnixFileMode(_tempDirectory, (UnixFileMode)0b111_101_101);
                dataDir = Path.Combine(_tempDirectory, "db");
                DatabaseDescription = "embedded PostgreSQL in a temporary directory (default settings of PostgresSettings)";
            }
            _progress.WriteLine($"database: starting embedded PostgreSQL in {dataDir}");
            _postgres = new EmbeddedPostgres(new EmbeddedPostgresOptions { DataDirectory = dataDir });
            await _postgres.StartAsync(cancellationToken).ConfigureAwait(false);
            ConnectionString = _postgres.ConnectionString;
            _progress.WriteLine($"database: PostgreSQL on 127.0.0.1:{_postgres.Port}");
        }

        var dll = Path.GetFullPath(options.ServerDll ?? RepositoryPaths.DefaultServerDll);
        var logDir = Path.GetFullPath(options.OutputDirectory);
        var logFile = Path.Combine(logDir, $"server-{DateTime.UtcNow:yyyyMMdd-HHmmss}.log");
        _server = await ServerProcess.StartAsync(dll, ConnectionString, logFile, _progress, cancellationToken).ConfigureAwait(false);
        ServerUrl = _server.Url;
        ServerDescription = $"{Path.GetFileName(dll)} started by the harness as a child process on {_server.Url}";
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            _progress.WriteLine("server: stopping");
            await _server.DisposeAsync().ConfigureAwait(false);
            _server = null;
        }
        if (_postgres is not null)
        {
            _progress.WriteLine("database: stopping PostgreSQL");
            await _postgres.DisposeAsync().ConfigureAwait(false);
            _postgres = null;
        }
        if (_tempDirectory is not null)
        {
            if (_keepTemp)
            {
                _progress.WriteLine($"kept {_tempDirectory}");
            }
            else
            {
                try
                {
                    Directory.Delete(_tempDirectory, recursive: true);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    _progress.WriteLine($"could not delete {_tempDirectory}: {e.Message}");
                }
            }
            _tempDirectory = null;
        }
    }
}
