using Npgsql;

namespace Fkj.Cdr.Storage.Tenancy;

/// <summary>
/// A transaction in one tenant's data. It begins with <c>SET LOCAL fkj.tenant</c> and
/// <c>SET LOCAL ROLE fkj_app</c>, so the row-level security policies of the tenant tables (see migration
/// 0002) limit every statement in it to that tenant's rows, whatever role the connection logged in as.
/// Both settings end with the transaction. Disposing it without <see cref="CommitAsync"/> rolls back.
/// </summary>
/// <remarks>
/// Every store of tenant data (templates now, EHRs and compositions next) runs its SQL through one of
/// these: <c>await using var tx = await TenantTransaction.BeginAsync(dataSource, tenantId, ct);</c>, then
/// <c>tx.Command(sql)</c>. Stores still filter by tenant_id in their SQL, for the indexes and as a second
/// guard; the policy is what holds if a query forgets.
/// </remarks>
public sealed class TenantTransaction : IAsyncDisposable
{
    /// <summary>The role whose privileges tenant transactions run with; it owns nothing and bypasses no policy.</summary>
    public const string ApplicationRole = "fkj_app";

    /// <summary>The setting the policies compare tenant_id with.</summary>
    public const string TenantSetting = "fkj.tenant";

    private const string Enter = "SELECT set_config('fkj.tenant', @tenant, true), set_config('role', 'fkj_app', true)";

    private bool _completed;

    private TenantTransaction(string tenantId, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        TenantId = tenantId;
        Connection = connection;
        Transaction = transaction;
    }

    public string TenantId { get; }

    public NpgsqlConnection Connection { get; }

    public NpgsqlTransaction Transaction { get; }

    /// <summary>Opens a connection, begins a transaction and enters the tenant.</summary>
    public static async Task<TenantTransaction> BeginAsync(NpgsqlDataSource dataSource, string tenantId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (var enter = new NpgsqlCommand(Enter, connection, transaction))
            {
                enter.Parameters.AddWithValue("tenant", tenantId);
                await enter.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            return new TenantTransaction(tenantId, connection, transaction);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Makes <paramref name="batch"/>'s first statement the tenant's entry, for a batch that runs as its own
    /// implicit transaction (see <see cref="Records.RecordBatch.OpenAsync"/>): settings made local with
    /// set_config hold until the end of that transaction, so every later statement of the batch runs in the tenant.
    /// </summary>
    public static void AddEnter(NpgsqlBatch batch, string tenantId)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        var enter = new NpgsqlBatchCommand(Enter);
        enter.Parameters.AddWithValue("tenant", tenantId);
        batch.BatchCommands.Add(enter);
    }

    /// <summary>A command in this transaction.</summary>
    public NpgsqlCommand Command(string sql) => new(sql, Connection, Transaction);

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        await Transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        _completed = true;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_completed)
            {
                await Transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            // The connection broke; closing it below is all that is left to do.
        }
        finally
        {
            await Transaction.DisposeAsync().ConfigureAwait(false);
            await Connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
