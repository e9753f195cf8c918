using System.Collections.Concurrent;
using Fkj.Cdr.Rm.Common;
using Fkj.Cdr.Storage.Tenancy;
using Npgsql;
using NpgsqlTypes;

namespace Fkj.Cdr.Storage.Records;

/// <summary>
/// The query index of versions (tables leaf_value and archetype_path, migration 0003): <see cref="Extract"/>
/// lists a document's leaf values with their paths and ancestors, <see cref="InternAsync"/> gives every path its
/// id in the archetype_path dictionary, and <see cref="Add"/> appends the version's rows to its write batch as
/// one INSERT of arrays.
/// </summary>
/// <remarks>
/// Path ids are cached in memory for the life of the server: the dictionary only grows and an id never changes.
/// A path not cached yet is interned by <see cref="InternAsync"/> in a short transaction of its own, committed
/// before the request's write: a dictionary row is not patient data, is harmless if the request then fails, and
/// must never be rolled back while the cache holds its id.
/// </remarks>
public sealed class LeafIndex
{
    /// <summary>Texts are indexed up to this many characters (B-tree entries must stay small); the document keeps them whole.</summary>
    public const int MaxText = 256;

    private const string InternSql = """
        WITH input AS (
            SELECT t.path, string_to_array(t.types, '/') AS rm_types
            FROM unnest(@paths::text[], @types::text[]) AS t(path, types)
        ), inserted AS (
            INSERT INTO archetype_path (path, rm_types)
            SELECT path, rm_types FROM input ORDER BY path, rm_types
            ON CONFLICT (path, rm_types) DO NOTHING
            RETURNING path_id, path, rm_types
        )
        SELECT path_id, path, array_to_string(rm_types, '/') FROM inserted
        UNION ALL
        SELECT a.path_id, a.path, array_to_string(a.rm_types, '/')
        FROM archetype_path a JOIN input i ON a.path = i.path AND a.rm_types = i.rm_types
        """;

    private const string InsertSql = """
        INSERT INTO leaf_value (tenant_id, ehr_id, version_key, path_id, num, ancestors, text, term)
        SELECT @tenant, @ehr_id, v.version_key, r.path_id, r.num, r.ancestors, r.text, r.term
        FROM (SELECT version_key FROM object_version
              WHERE tenant_id = @tenant AND ehr_id = @ehr_id AND object_id = @object_id AND version = @version) AS v,
             unnest(@path_ids::integer[], @nums::float8[], @ancestors::bytea[], @texts::text[], @terms::text[])
            AS r(path_id, num, ancestors, text, term)
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly ConcurrentDictionary<LeafPath, int> _ids = new();

    public LeafIndex(NpgsqlDataSource dataSource) => _dataSource = dataSource ?? throw new ArgumentNullException(nameof(dataSource));

    /// <summary>How many paths the cache holds.</summary>
    public int CachedPaths => _ids.Count;

    /// <summary>The leaf values of a document (a COMPOSITION, an EHR_STATUS), in document order.</summary>
    public static IReadOnlyList<LeafRow> Extract(Locatable root) => LeafExtractor.Extract(root);

    /// <summary>Makes sure every path of <paramref name="rows"/> has its id (a query only for paths not seen before).</summary>
    public async Task InternAsync(IReadOnlyList<LeafRow> rows, CancellationToken cancellationToken = default)
    {
        List<LeafPath>? missing = null;
        foreach (var row in rows)
        {
            if (!_ids.ContainsKey(row.Path))
            {
                (missing ??= []).Add(row.Path);
            }
        }
        if (missing is null)
        {
            return;
        }
        var wanted = missing.Distinct().ToList();
        // A path another server committed after this statement's snapshot is neither inserted nor seen: ask again.
        for (var attempt = 0; attempt < 3 && wanted.Count > 0; attempt++)
        {
            await InternOnceAsync(wanted, cancellationToken).ConfigureAwait(false);
            wanted = wanted.Where(p => !_ids.ContainsKey(p)).ToList();
        }
        if (wanted.Count > 0)
        {
            throw new InvalidOperationException($"Could not intern {wanted.Count} archetype paths, such as {wanted[0].Path}.");
        }
    }

    /// <summary>
    /// Appends the version's leaf rows to its write batch, as one statement, after the version itself (whose
    /// version_key the rows take). Every path must have been interned (<see cref="InternAsync"/>).
    /// </summary>
    public void Add(RecordBatch batch, Guid ehrId, Guid objectId, int version, IReadOnlyList<LeafRow> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }
        var pathIds = new int[rows.Count];
        var ancestors = new byte[rows.Count][];
        var nums = new double?[rows.Count];
        var texts = new string?[rows.Count];
        var terms = new string?[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            pathIds[i] = _ids.TryGetValue(row.Path, out var id)
                ? id
                : throw new InvalidOperationException($"The path {row.Path.Path} has not been interned.");
            ancestors[i] = row.Ancestors;
            nums[i] = row.Num;
            texts[i] = row.Text;
            terms[i] = row.Term;
        }
        var command = batch.Add(InsertSql);
        command.Parameters.AddWithValue("tenant", batch.TenantId);
        command.Parameters.AddWithValue("ehr_id", ehrId);
        command.Parameters.AddWithValue("object_id", objectId);
        command.Parameters.AddWithValue("version", version);
        command.Parameters.AddWithValue("path_ids", pathIds);
        command.Parameters.AddWithValue("ancestors", ancestors);
        command.Parameters.Add(new NpgsqlParameter("nums", NpgsqlDbType.Array | NpgsqlDbType.Double) { Value = nums });
        command.Parameters.Add(new NpgsqlParameter("texts", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = texts });
        command.Parameters.Add(new NpgsqlParameter("terms", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = terms });
    }

    private async Task InternOnceAsync(List<LeafPath> paths, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var role = new NpgsqlCommand($"SELECT set_config('role', '{TenantTransaction.ApplicationRole}', true)", connection, transaction))
        {
            await role.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        var found = new List<(LeafPath, int)>();
        await using (var command = new NpgsqlCommand(InternSql, connection, transaction))
        {
            command.Parameters.AddWithValue("paths", paths.Select(p => p.Path).ToArray());
            command.Parameters.AddWithValue("types", paths.Select(p => p.RmTypes).ToArray());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                found.Add((new LeafPath(reader.GetString(1), reader.GetString(2)), reader.GetInt32(0)));
            }
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        // Only committed ids enter the cache.
        foreach (var (path, id) in found)
        {
            _ids[path] = id;
        }
    }
}
