using Fkj.Cdr.Storage.Tenancy;

namespace Fkj.Cdr.Storage.Queries;

/// <summary>A stored query: its qualified name (namespace::name), version (major.minor.patch), type, text and when it was saved.</summary>
public sealed record StoredQuery(string QualifiedName, string Version, string Type, string Text, DateTimeOffset Saved)
{
    /// <summary>The version as numbers, for ordering (1.10.0 after 1.9.0).</summary>
    public (int, int, int) VersionNumbers
    {
        get
        {
            var parts = Version.Split('.');
            return (int.Parse(parts[0]), int.Parse(parts[1]), int.Parse(parts[2]));
        }
    }
}

/// <summary>What storing a query version did.</summary>
public enum StoredQueryOutcome
{
    Created,
    /// <summary>The same text was stored under that version already (a retried PUT).</summary>
    Unchanged,
    /// <summary>Other text is stored under that version; a stored version never changes.</summary>
    Conflict,
}

/// <summary>The stored_query table (migration 0005), in the caller's tenant transaction.</summary>
public sealed class StoredQueryStore
{
    private const string InsertSql = """
        INSERT INTO stored_query (tenant_id, qualified_name, version, query_type, query_text, saved)
        VALUES (@tenant, @name, @version, @type, @text, @saved)
        ON CONFLICT (tenant_id, qualified_name, version) DO NOTHING
        """;

    private const string ListSql = """
        SELECT qualified_name, version, query_type, query_text, saved FROM stored_query
        WHERE tenant_id = @tenant AND (@name::text IS NULL OR qualified_name = @name)
        """;

    /// <summary>Stores a version; an existing one is left as it is.</summary>
    public async Task<StoredQueryOutcome> AddAsync(TenantTransaction tx, StoredQuery query, CancellationToken cancellationToken = default)
    {
        await using (var insert = tx.Command(InsertSql))
        {
            insert.Parameters.AddWithValue("tenant", tx.TenantId);
            insert.Parameters.AddWithValue("name", query.QualifiedName);
            insert.Parameters.AddWithValue("version", query.Version);
            insert.Parameters.AddWithValue("type", query.Type);
            insert.Parameters.AddWithValue("text", query.Text);
            insert.Parameters.AddWithValue("saved", query.Saved);
            if (await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1) return StoredQueryOutcome.Created;
        }
        var existing = (await ListAsync(tx, query.QualifiedName, cancellationToken).ConfigureAwait(false)).Single(q => q.Version == query.Version);
        return existing.Text == query.Text ? StoredQueryOutcome.Unchanged : StoredQueryOutcome.Conflict;
    }

    /// <summary>Every version of a name (or of every name, when null), newest version first.</summary>
    public async Task<IReadOnlyList<StoredQuery>> ListAsync(TenantTransaction tx, string? qualifiedName, CancellationToken cancellationToken = default)
    {
        await using var command = tx.Command(ListSql);
        command.Parameters.AddWithValue("tenant", tx.TenantId);
        command.Parameters.Add(new Npgsql.NpgsqlParameter("name", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)qualifiedName ?? DBNull.Value });
        var list = new List<StoredQuery>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new StoredQuery(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetFieldValue<DateTimeOffset>(4)));
        }
        return list.OrderBy(q => q.QualifiedName, StringComparer.Ordinal).ThenByDescending(q => q.VersionNumbers).ToList();
    }
}
