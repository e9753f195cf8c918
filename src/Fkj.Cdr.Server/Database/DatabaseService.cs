using Fkj.Cdr.Server.Errors;
using Fkj.Cdr.Server.Hosting;
using Fkj.Cdr.Storage;

namespace Fkj.Cdr.Server.Database;

/// <summary>
/// Opens the database (starting the embedded PostgreSQL unless a connection string is set, then migrating)
/// before the server listens, and closes it (stopping the embedded PostgreSQL) after the server has stopped.
/// </summary>
public sealed class DatabaseService : IHostedService, IAsyncDisposable
{
    private readonly ServerOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public DatabaseService(ServerOptions options, ILoggerFactory loggerFactory)
    {
        _options = options;
        _loggerFactory = loggerFactory;
    }

    /// <summary>The open database, or null before start and after stop.</summary>
    public CdrDatabase? Database { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var storage = new StorageOptions
        {
            ConnectionString = string.IsNullOrWhiteSpace(_options.ConnectionString) ? null : _options.ConnectionString,
            DataDirectory = _options.DataDir,
        };
        // OpenAsync stops what it started if it fails or is cancelled (Ctrl-C during start).
        var database = await CdrDatabase.OpenAsync(storage, _loggerFactory, cancellationToken);
        await _gate.WaitAsync(CancellationToken.None);
        try
        {
            Database = database;
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => CloseAsync();

    public async ValueTask DisposeAsync() => await CloseAsync();

    /// <summary>The open database; a 503 for the request when it is not open (starting or stopping).</summary>
    public CdrDatabase Require() => Database ?? throw new ApiException(
        StatusCodes.Status503ServiceUnavailable, "service_unavailable", "The database is not open; try again shortly.");

    public Task<DatabaseHealth> CheckHealthAsync(CancellationToken cancellationToken) =>
        Database is { } database
            ? database.CheckHealthAsync(cancellationToken)
            : Task.FromResult(DatabaseHealth.Down("The database is not open."));

    private async Task CloseAsync()
    {
        await _gate.WaitAsync(CancellationToken.None);
        try
        {
            if (Database is { } database)
            {
                Database = null;
                await database.DisposeAsync();
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
