using Fkj.Cdr.Storage.Embedded;
using Fkj.Cdr.Storage.Migrations;
using Fkj.Cdr.Storage.Records;
using Fkj.Cdr.Storage.Templates;
using Fkj.Cdr.Storage.Tenancy;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Fkj.Cdr.Storage;

/// <summary>
/// The CDR's database: the embedded PostgreSQL (or the configured one), migrated to the current schema,
/// as an <see cref="NpgsqlDataSource"/> plus a health check. Disposing it stops the embedded server.
/// </summary>
public sealed class CdrDatabase : IAsyncDisposable
{
    private static readonly TimeSpan HealthTimeout = TimeSpan.FromSeconds(5);

    private CdrDatabase(NpgsqlDataSource dataSource, EmbeddedPostgres? embedded, int schemaVersion)
    {
        DataSource = dataSource;
        Embedded = embedded;
        SchemaVersionAtStart = schemaVersion;
        Tenants = new TenantStore(dataSource);
        Templates = new TemplateStore(dataSource);
        LeafIndex = new LeafIndex(dataSource);
    }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>The embedded server, or null when a connection string was configured.</summary>
    public EmbeddedPostgres? Embedded { get; }

    /// <summary>The schema version the migrations left at start.</summary>
    public int SchemaVersionAtStart { get; }

    /// <summary>Which tenants exist.</summary>
    public TenantStore Tenants { get; }

    /// <summary>Each tenant's operational templates.</summary>
    public TemplateStore Templates { get; }

    /// <summary>EHRs and their subjects (in a <see cref="TenantTransaction"/> of the caller's).</summary>
    public EhrStore Ehrs { get; } = new();

    /// <summary>Contributions: one per commit.</summary>
    public ContributionStore Contributions { get; } = new();

    /// <summary>Versioned objects and their versions.</summary>
    public VersionStore Versions { get; } = new();

    /// <summary>The query index of versions, with its cache of archetype path ids.</summary>
    public LeafIndex LeafIndex { get; }

    /// <summary>The audit trail of patient data.</summary>
    public AuditLog Audit { get; } = new();

    /// <summary>Begins a transaction in the tenant's data (see <see cref="TenantTransaction"/>).</summary>
    public Task<TenantTransaction> BeginAsync(string tenantId, CancellationToken cancellationToken = default) =>
        TenantTransaction.BeginAsync(DataSource, tenantId, cancellationToken);

    /// <summary>
    /// The connection string as the server uses it: statements prepared once per connection (Npgsql auto-prepare,
    /// 64 statements after 2 uses), so a commit's INSERTs and a read's SELECT are not parsed and planned on every
    /// request; and pooled connections handed back without the session reset (RESET ALL, CLOSE ALL, UNLISTEN, ...:
    /// seven statements PostgreSQL would parse and run on the next use), because the server sets nothing for longer
    /// than a transaction (tenant, role and synchronous_commit are set_config(..., true); RecordBatchTests checks
    /// that nothing stays). A connection string that chooses either keeps its choice.
    /// </summary>
    public static string Tuned(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }
        if (!connectionString.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase))
        {
            builder.NoResetOnClose = true;
        }
        return builder.ConnectionString;
    }

    /// <summary>Opens a batch that is its own transaction in the tenant's data (see <see cref="RecordBatch.OpenAsync"/>).</summary>
    public Task<RecordBatch> BatchAsync(string tenantId, bool durable = true, CancellationToken cancellationToken = default) =>
        RecordBatch.OpenAsync(DataSource, tenantId, durable, cancellationToken);

    /// <summary>Starts the embedded server when no connection string is set, then applies pending migrations.</summary>
    public static async Task<CdrDatabase> OpenAsync(StorageOptions options, ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        loggerFactory ??= NullLoggerFactory.Instance;
        var logger = loggerFactory.CreateLogger<CdrDatabase>();
        EmbeddedPostgres? embedded = null;
        NpgsqlDataSource? dataSource = null;
        try
        {
            string connectionString;
            if (options.UsesEmbeddedServer)
            {
                if (OperatingSystem.IsWindows())
                {
                    throw new PlatformNotSupportedException("The embedded PostgreSQL server runs on Linux and macOS; set a connection string on Windows.");
                }
                var embeddedOptions = new EmbeddedPostgresOptions { DataDirectory = options.DataDirectory };
                foreach (var (k, v) in options.EmbeddedSettings)
                {
                    embeddedOptions.Settings[k] = v;
                }
                embedded = new EmbeddedPostgres(embeddedOptions, loggerFactory.CreateLogger<EmbeddedPostgres>());
                await embedded.StartAsync(cancellationToken).ConfigureAwait(false);
                connectionString = embedded.ConnectionString;
            }
            else
            {
                connectionString = options.ConnectionString!;
                var configured = new NpgsqlConnectionStringBuilder(connectionString);
                logger.LogInformation("Using the configured PostgreSQL at {Host}:{Port}, database {Database}",
                    configured.Host, configured.Port, configured.Database ?? configured.Username);
            }

            var builder = new NpgsqlDataSourceBuilder(Tuned(connectionString));
            builder.UseLoggerFactory(loggerFactory);
            dataSource = builder.Build();

            var result = await new MigrationRunner(dataSource, logger: loggerFactory.CreateLogger<MigrationRunner>())
                .RunAsync(cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Database schema at version {SchemaVersion} ({AppliedCount} migrations applied now)",
                result.SchemaVersion, result.Applied.Count);
            return new CdrDatabase(dataSource, embedded, result.SchemaVersion);
        }
        catch
        {
            if (dataSource is not null)
            {
                await dataSource.DisposeAsync().ConfigureAwait(false);
            }
            if (embedded is not null)
            {
                await embedded.DisposeAsync().ConfigureAwait(false);
            }
            throw;
        }
    }

    /// <summary><c>SELECT 1</c>, the server version and the schema version, in one round trip.</summary>
    public async Task<DatabaseHealth> CheckHealthAsync(CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(HealthTimeout);
        try
        {
            await using var command = DataSource.CreateCommand(
                "SELECT 1, version(), (SELECT coalesce(max(version), 0) FROM schema_version)");
            command.CommandTimeout = (int)HealthTimeout.TotalSeconds;
            await using var reader = await command.ExecuteReaderAsync(timeout.Token).ConfigureAwait(false);
            if (!await reader.ReadAsync(timeout.Token).ConfigureAwait(false) || reader.GetInt32(0) != 1)
            {
                return DatabaseHealth.Down("SELECT 1 did not answer 1.");
            }
            return DatabaseHealth.Up(reader.GetString(1), reader.GetInt32(2));
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or InvalidOperationException or TimeoutException)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            return DatabaseHealth.Down(e is OperationCanceledException ? $"No answer within {HealthTimeout.TotalSeconds:0} s." : e.Message);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync().ConfigureAwait(false);
        if (Embedded is not null && !OperatingSystem.IsWindows())
        {
            await Embedded.DisposeAsync().ConfigureAwait(false);
        }
    }
}
