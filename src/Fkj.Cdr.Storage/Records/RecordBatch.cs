using Fkj.Cdr.Storage.Tenancy;
using Npgsql;

namespace Fkj.Cdr.Storage.Records;

/// <summary>
/// The statements of one write, sent to PostgreSQL in one round trip inside the caller's
/// <see cref="TenantTransaction"/>: the stores append their INSERTs (<c>contributions.Add(batch, ...)</c>,
/// <c>versions.AddVersion(batch, ...)</c>, the leaf rows, the audit event) and the service executes them once.
/// A unique or foreign-key violation becomes a <see cref="RecordConflictException"/> naming the constraint;
/// the transaction is then aborted, and disposing it rolls everything back.
/// </summary>
public sealed class RecordBatch : IAsyncDisposable
{
    private readonly NpgsqlBatch _batch;

    public RecordBatch(TenantTransaction transaction)
    {
        Transaction = transaction ?? throw new ArgumentNullException(nameof(transaction));
        _batch = new NpgsqlBatch(transaction.Connection, transaction.Transaction);
    }

    public TenantTransaction Transaction { get; }

    public string TenantId => Transaction.TenantId;

    /// <summary>How many statements are waiting.</summary>
    public int Count => _batch.BatchCommands.Count;

    /// <summary>Appends a statement whose parameters the caller adds to the returned command.</summary>
    public NpgsqlBatchCommand Add(string sql)
    {
        var command = new NpgsqlBatchCommand(sql);
        _batch.BatchCommands.Add(command);
        return command;
    }

    /// <summary>Runs every statement, in order, in one round trip; returns the rows each affected.</summary>
    /// <exception cref="RecordConflictException">A unique or foreign-key constraint refused a row.</exception>
    public async Task<IReadOnlyList<int>> ExecuteAsync(CancellationToken cancellationToken = default)
    {
        if (_batch.BatchCommands.Count == 0)
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
        var affected = new int[_batch.BatchCommands.Count];
        for (var i = 0; i < affected.Length; i++)
        {
            affected[i] = checked((int)_batch.BatchCommands[i].Rows);
        }
        return affected;
    }

    public ValueTask DisposeAsync() => _batch.DisposeAsync();
}
