using Fkj.Cdr.Storage.Tenancy;

namespace Fkj.Cdr.Storage.Records;

/// <summary>An EHR as a write to its directory needs it: whether it may be modified, and its directory's object id.</summary>
/// <param name="IsModifiable">The latest EHR_STATUS's is_modifiable.</param>
/// <param name="DirectoryObjectId">The versioned object id of the EHR's directory FOLDER; null when it never had one.</param>
public sealed record EhrDirectoryRow(bool IsModifiable, Guid? DirectoryObjectId);

/// <summary>
/// ehr.directory_object_id (migration 0004): which FOLDER object is an EHR's directory. The directory's versions
/// are written by <see cref="VersionStore"/> like any versioned object's; this store only reads and moves the
/// EHR's pointer to it.
/// </summary>
public sealed class DirectoryStore
{
    private const string FindSql = """
        SELECT is_modifiable, directory_object_id FROM ehr WHERE tenant_id = @tenant AND ehr_id = @ehr_id
        """;

    private const string SetSql = """
        UPDATE ehr SET directory_object_id = @next
        WHERE tenant_id = @tenant AND ehr_id = @ehr_id AND directory_object_id IS NOT DISTINCT FROM @previous
        """;

    /// <summary>The EHR's modifiability and directory, or null when the tenant has no such EHR.</summary>
    public async Task<EhrDirectoryRow?> FindAsync(TenantTransaction tx, Guid ehrId, CancellationToken cancellationToken = default)
    {
        await using var command = tx.Command(FindSql);
        command.Parameters.AddWithValue("tenant", tx.TenantId);
        command.Parameters.AddWithValue("ehr_id", ehrId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }
        return new EhrDirectoryRow(reader.GetBoolean(0), reader.IsDBNull(1) ? null : reader.GetGuid(1));
    }

    /// <summary>
    /// Appends the move of the EHR's directory from <paramref name="previous"/> (null: none) to <paramref name="next"/>,
    /// gated on the EHR still naming <paramref name="previous"/>: after the batch has run, <see cref="VersionGate.Passed"/>
    /// says whether it did; when it did not (another directory was created meanwhile), the caller must roll back.
    /// </summary>
    public VersionGate Set(RecordBatch batch, Guid ehrId, Guid? previous, Guid next)
    {
        var command = batch.Add(SetSql);
        command.Parameters.AddWithValue("tenant", batch.TenantId);
        command.Parameters.AddWithValue("ehr_id", ehrId);
        command.Parameters.AddWithValue("next", next);
        command.Parameters.Add(new Npgsql.NpgsqlParameter("previous", NpgsqlTypes.NpgsqlDbType.Uuid) { Value = (object?)previous ?? DBNull.Value });
        return new VersionGate(command);
    }
}
