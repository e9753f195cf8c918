using Fkj.Cdr.Storage.Tenancy;
using Npgsql;

namespace Fkj.Cdr.Storage.Records;

/// <summary>
/// The statements of one write, sent to PostgreSQL in one round trip: the stores append their INSERTs
/// (<c>contributions.Add(batch, ...)</c>, <c>versions.AddVersion(batch, ...)</c>, the leaf rows, the audit event)
/// and the service executes them once. A unique or foreign-key violation becomes a
/// <see cref="RecordConflictException"/> naming the constraint.
/// </summary>
/// <remarks>
/// Two kinds. Inside the caller's <see cref="TenantTransaction"/> (<c>new RecordBatch(tx)</c>), for writes that
/// read first; the transaction is aborted by a failure, and disposing it rolls everything back. Or a batch that is
/// its own transaction (<see cref="OpenAsync"/>), for writes that need no reads before them: PostgreSQL runs the
/// statements of one pipeline as one implicit transaction, committed at its end or rolled back as a whole by any
/// failure, so entering the tenant, the writes and the commit cost a single round trip instead of three.
/// </remarks>
public sealed class RecordBatch : IAsyncDisposable
{
    private readonly NpgsqlBatch _batch;
    private readonly NpgsqlConnection? _ownConnection;
    private readonly int _preamble;

    public RecordBatch(TenantTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        TenantId = transaction.TenantId;
        _batch = new NpgsqlBatch(transaction.Connection, transaction.Transaction);
    }

    private RecordBatch(string tenantId, NpgsqlConnection connection, bool durable)
    {
        TenantId = tenantId;
        _ownConnection = connection;
        _batch = new NpgsqlBatch(connection);
        TenantTransaction.AddEnter(_batch, tenantId);
        if (!durable)
        {
            _batch.BatchCommands.Add(new NpgsqlBatchCommand(AsynchronousCommitSql));
        }
        _preamble = _batch.BatchCommands.Count;
    }

    private const string AsynchronousCommitSql = "SELECT set_config('synchronous_commit', 'off', true)";

    /// <summary>
    /// A batch that is its own transaction in the tenant: its first statement enters the tenant, and running it
    /// commits everything or nothing. With <paramref name="durable"/> false the commit does not wait for the WAL
    /// to reach the disk (a crash of the database within a fraction of a second can lose it, never corrupt
    /// anything): only for batches that write nothing but the audit record of a read.
    /// </summary>
    public static async Task<RecordBatch> OpenAsync(NpgsqlDataSource dataSource, string tenantId, bool durable = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return new RecordBatch(tenantId, connection, durable);
    }

    public string TenantId { get; }

    /// <summary>How many statements the caller has appended.</summary>
    public int Count => _batch.BatchCommands.Count - _preamble;

    /// <summary>Appends a statement whose parameters the caller adds to the returned command.</summary>
    public NpgsqlBatchCommand Add(string sql)
    {
        var command = new NpgsqlBatchCommand(sql);
        _batch.BatchCommands.Add(command);
        return command;
    }

    /// <summary>Runs every statement, in order, in one round trip; returns the rows each appended statement affected.</summary>
    /// <exception cref="RecordConflictException">A unique or foreign-key constraint refused a row.</exception>
    public async Task<IReadOnlyList<int>> ExecuteAsync(CancellationToken cancellationToken = default)
    {
        if (Count == 0)
        {
            return [];
        }
        try
        {
            await _batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (RecordConflictException.From(e) is { } conflict)
        {
            throw conflict;
        }
        var affected = new int[Count];
        for (var i = 0; i < affected.Length; i++)
        {
            affected[i] = checked((int)_batch.BatchCommands[_preamble + i].Rows);
        }
        return affected;
    }

    /// <summary>
    /// Runs every statement in one round trip and returns a reader positioned on the result of the first appended
    /// statement (the tenant's entry is skipped). For reads that are one query plus the audit record they leave.
    /// </summary>
    public async Task<NpgsqlDataReader> ExecuteReaderAsync(CancellationToken cancellationToken = default)
    {
        var reader = await _batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < _preamble; i++)
        {
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        }
        return reader;
    }

    public async ValueTask DisposeAsync()
    {
        await _batch.DisposeAsync().ConfigureAwait(false);
        if (_ownConnection is not null)
        {
            await _ownConnection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
