using Npgsql;

namespace Fkj.Cdr.Load.Database;

/// <summary>
/// Disk used by tables: <c>pg_total_relation_size</c> (heap, TOAST, indexes, free-space and visibility
/// maps) of every ordinary table outside the system schemas, split into the CDR's tables and the
/// baseline table.
/// </summary>
public sealed class StorageProbe(NpgsqlDataSource dataSource)
{
    /// <summary>Bytes per table, by schema-qualified name.</summary>
    public async Task<IReadOnlyDictionary<string, long>> TableSizesAsync(CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT n.nspname || '.' || c.relname, pg_total_relation_size(c.oid)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'm')
              AND n.nspname NOT IN ('pg_catalog', 'information_schema')
              AND n.nspname NOT LIKE 'pg\_toast%'
              AND n.nspname NOT LIKE 'pg\_temp%'
            ORDER BY 1
            """;
        var sizes = new SortedDictionary<string, long>(StringComparer.Ordinal);
        await using var command = dataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            sizes[reader.GetString(0)] = reader.GetInt64(1);
        }
        return sizes;
    }

    /// <summary>True for the baseline table, which is not the CDR's.</summary>
    public static bool IsBaseline(string qualifiedName) =>
        qualifiedName.EndsWith("." + BaselineTable.Name, StringComparison.Ordinal);

    /// <summary>The server version, for the report.</summary>
    public async Task<string> ServerVersionAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SHOW server_version");
        return (string?)await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) ?? "?";
    }
}
