using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Fkj.Cdr.Storage.Migrations;

/// <summary>
/// Brings the schema up to date: applies every migration not yet in <c>schema_version</c>, in version
/// order, each in its own transaction together with its <c>schema_version</c> row. A session-level
/// advisory lock makes servers that start together take turns. A migration that was applied with
/// other SQL than it has now (checksum mismatch) stops the run before anything is applied.
/// </summary>
public sealed class MigrationRunner
{
    /// <summary>The advisory lock key: the bytes of "fkj.migr".</summary>
    public const long AdvisoryLockKey = 0x666B6A2E6D696772;

    private const string CreateVersionTable = """
        CREATE TABLE IF NOT EXISTS schema_version (
            version    integer     PRIMARY KEY,
            name       text        NOT NULL,
            checksum   text        NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now()
        )
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly IReadOnlyList<Migration> _migrations;
    private readonly ILogger _logger;

    public MigrationRunner(NpgsqlDataSource dataSource, IEnumerable<Migration>? migrations = null, ILogger? logger = null)
    {
        _dataSource = dataSource ?? throw new ArgumentNullException(nameof(dataSource));
        _migrations = migrations is null ? EmbeddedMigrations.All : EmbeddedMigrations.Ordered(migrations);
        _logger = logger ?? NullLogger.Instance;
    }

    public async Task<MigrationResult> RunAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, "SELECT pg_advisory_lock(@key)", cancellationToken, ("key", AdvisoryLockKey), timeoutSeconds: 600).ConfigureAwait(false);
        try
        {
            await ExecuteAsync(connection, CreateVersionTable, cancellationToken).ConfigureAwait(false);
            var applied = await ReadAppliedAsync(connection, cancellationToken).ConfigureAwait(false);
            Verify(applied);

            var done = new List<int>();
            foreach (var migration in _migrations.Where(m => !applied.ContainsKey(m.Version)))
            {
                await ApplyAsync(connection, migration, cancellationToken).ConfigureAwait(false);
                done.Add(migration.Version);
            }
            // Every applied version is known (Verify), so after this run all known migrations are applied.
            return new MigrationResult(done, _migrations.Count == 0 ? 0 : _migrations[^1].Version);
        }
        finally
        {
            // Unlock explicitly: a pooled connection outlives this method.
            await ExecuteAsync(connection, "SELECT pg_advisory_unlock(@key)", CancellationToken.None, ("key", AdvisoryLockKey)).ConfigureAwait(false);
        }
    }

    private void Verify(IReadOnlyDictionary<int, (string Name, string Checksum)> applied)
    {
        var known = _migrations.ToDictionary(m => m.Version);
        foreach (var (version, row) in applied.OrderBy(a => a.Key))
        {
            if (!known.TryGetValue(version, out var migration))
            {
                throw new MigrationException(
                    $"The database has migration {version} ({row.Name}), which this server does not know: the database is newer than this server.");
            }
            if (!string.Equals(migration.Checksum, row.Checksum, StringComparison.Ordinal))
            {
                throw new MigrationException(
                    $"Migration {version} ({migration.Name}) was applied with other SQL than this server has " +
                    $"(checksum {row.Checksum} in the database, {migration.Checksum} here). An applied migration must never change; add a new one.");
            }
        }
    }

    private async Task ApplyAsync(NpgsqlConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        _logger.LogInformation("Applying migration {Version} {Name}", migration.Version, migration.Name);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using (var command = new NpgsqlCommand(migration.Sql, connection, transaction))
            {
                command.CommandTimeout = 0;
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            await using (var record = new NpgsqlCommand(
                "INSERT INTO schema_version (version, name, checksum) VALUES (@version, @name, @checksum)", connection, transaction))
            {
                record.Parameters.AddWithValue("version", migration.Version);
                record.Parameters.AddWithValue("name", migration.Name);
                record.Parameters.AddWithValue("checksum", migration.Checksum);
                await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e)
        {
            throw new MigrationException($"Migration {migration.Version} ({migration.Name}) failed and was rolled back: {e.MessageText}", e);
        }
    }

    private static async Task<Dictionary<int, (string Name, string Checksum)>> ReadAppliedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var applied = new Dictionary<int, (string, string)>();
        await using var command = new NpgsqlCommand("SELECT version, name, checksum FROM schema_version ORDER BY version", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            applied[reader.GetInt32(0)] = (reader.GetString(1), reader.GetString(2));
        }
        return applied;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, (string Name, long Value)? parameter = null, int? timeoutSeconds = null)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        if (parameter is { } p)
        {
            command.Parameters.AddWithValue(p.Name, p.Value);
        }
        if (timeoutSeconds is { } t)
        {
            command.CommandTimeout = t;
        }
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
