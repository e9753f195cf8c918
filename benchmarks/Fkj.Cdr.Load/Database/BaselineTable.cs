using Npgsql;
using NpgsqlTypes;

namespace Fkj.Cdr.Load.Database;

/// <summary>
/// The baseline: the same composition JSON in a plain table, <c>baseline_doc (id uuid primary key, doc jsonb)</c>,
/// written and read with raw Npgsql (default settings, one statement per call), on the server's PostgreSQL.
/// It is what storing and fetching a document costs with no openEHR work at all: no validation, no
/// versioning, no index, no audit, no HTTP.
/// </summary>
public sealed class BaselineTable(NpgsqlDataSource dataSource)
{
    public const string Name = "baseline_doc";

    /// <summary>Creates the table, or empties it when a previous run left it.</summary>
    public async Task ResetAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"CREATE TABLE IF NOT EXISTS {Name} (id uuid PRIMARY KEY, doc jsonb NOT NULL); TRUNCATE {Name};");
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task DropAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"DROP TABLE IF EXISTS {Name}");
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One INSERT of the document under a new id, committed on its own (autocommit).</summary>
    public async Task InsertAsync(Guid id, string json, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"INSERT INTO {Name} (id, doc) VALUES ($1, $2)");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = json, NpgsqlDbType = NpgsqlDbType.Jsonb });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Loads documents in one binary COPY: how the baseline table is filled to a database size, unmeasured (what
    /// matters there is how much the table holds, not how it got there).
    /// </summary>
    public async Task CopyAsync(IEnumerable<(Guid Id, string Json)> rows, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var writer = await connection.BeginBinaryImportAsync($"COPY {Name} (id, doc) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
        foreach (var (id, json) in rows)
        {
            await writer.StartRowAsync(cancellationToken).ConfigureAwait(false);
            await writer.WriteAsync(id, NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
            await writer.WriteAsync(json, NpgsqlDbType.Jsonb, cancellationToken).ConfigureAwait(false);
        }
        await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One SELECT of a document by id, read to the end as text; false when there is no such row.</summary>
    public async Task<bool> SelectAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT doc FROM {Name} WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return false;
        }
        return reader.GetString(0).Length > 0;
    }
}
