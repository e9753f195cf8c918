using Npgsql;

namespace Fkj.Cdr.Storage.Tenancy;

/// <summary>The tenant table: which tenants exist. The table is global, so it needs no tenant transaction.</summary>
public sealed class TenantStore
{
    private const string ExistsSql = "SELECT EXISTS (SELECT 1 FROM tenant WHERE id = @id)";

    private readonly NpgsqlDataSource _dataSource;

    public TenantStore(NpgsqlDataSource dataSource) => _dataSource = dataSource ?? throw new ArgumentNullException(nameof(dataSource));

    public async Task<bool> ExistsAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand(ExistsSql);
        command.Parameters.AddWithValue("id", tenantId);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }
}
