using Fkj.Cdr.Storage.Tenancy;

namespace Fkj.Cdr.Storage.Records;

/// <summary>A CONTRIBUTION with its AUDIT_DETAILS.</summary>
/// <param name="ContributionId">CONTRIBUTION.uid.</param>
/// <param name="SystemId">AUDIT_DETAILS.system_id.</param>
/// <param name="Committer">AUDIT_DETAILS.committer, a PARTY_PROXY as compact canonical JSON.</param>
/// <param name="TimeCommitted">AUDIT_DETAILS.time_committed.</param>
/// <param name="ChangeType">AUDIT_DETAILS.change_type, a <see cref="Records.ChangeType"/> code.</param>
/// <param name="Description">AUDIT_DETAILS.description, if any.</param>
public sealed record ContributionRow(Guid ContributionId, string SystemId, string Committer, DateTimeOffset TimeCommitted, short ChangeType, string? Description);

/// <summary>A version that a contribution made: its object, RM type and version number.</summary>
public sealed record ContributedVersion(Guid ObjectId, string RmType, int Version);

/// <summary>
/// The contribution table (migration 0003): one row per commit, which the versions it made point at.
/// </summary>
public sealed class ContributionStore
{
    private const string InsertSql = """
        INSERT INTO contribution (tenant_id, ehr_id, contribution_id, system_id, committer, time_committed, change_type, description)
        VALUES (@tenant, @ehr_id, @contribution_id, @system_id, @committer, @time_committed, @change_type, @description)
        """;

    private const string InsertIfModifiableSql = """
        INSERT INTO contribution (tenant_id, ehr_id, contribution_id, system_id, committer, time_committed, change_type, description)
        SELECT @tenant, @ehr_id, @contribution_id, @system_id, @committer, @time_committed, @change_type, @description
        FROM ehr WHERE tenant_id = @tenant AND ehr_id = @ehr_id AND is_modifiable
        """;

    private const string FindSql = """
        SELECT contribution_id, system_id, committer, time_committed, change_type, description
        FROM contribution WHERE tenant_id = @tenant AND ehr_id = @ehr_id AND contribution_id = @contribution_id
        """;

    private const string VersionsSql = """
        SELECT v.object_id, o.rm_type, v.version
        FROM object_version v
        JOIN versioned_object o ON o.tenant_id = v.tenant_id AND o.ehr_id = v.ehr_id AND o.object_id = v.object_id
        WHERE v.tenant_id = @tenant AND v.ehr_id = @ehr_id AND v.contribution_id = @contribution_id
        ORDER BY v.object_id, v.version
        """;

    /// <summary>
    /// Appends the contribution's row. With <paramref name="onlyIfModifiable"/>, the row is written only when the
    /// EHR exists and its status lets it be modified; otherwise no row is written, and the versions that name the
    /// contribution then fail the batch on their foreign key (a <see cref="RecordConflictException"/>): one
    /// statement checks the EHR and writes the contribution, with no round trip of its own.
    /// </summary>
    public void Add(RecordBatch batch, Guid ehrId, ContributionRow contribution, bool onlyIfModifiable = false)
    {
        var command = batch.Add(onlyIfModifiable ? InsertIfModifiableSql : InsertSql);
        command.Parameters.AddWithValue("tenant", batch.TenantId);
        command.Parameters.AddWithValue("ehr_id", ehrId);
        command.Parameters.AddWithValue("contribution_id", contribution.ContributionId);
        command.Parameters.AddWithValue("system_id", contribution.SystemId);
        command.Parameters.AddWithValue("committer", contribution.Committer);
        command.Parameters.AddWithValue("time_committed", contribution.TimeCommitted);
        command.Parameters.AddWithValue("change_type", contribution.ChangeType);
        command.Parameters.AddWithValue("description", (object?)contribution.Description ?? DBNull.Value);
    }

    /// <summary>The contribution, or null when the EHR has none with this id.</summary>
    public async Task<ContributionRow?> FindAsync(TenantTransaction tx, Guid ehrId, Guid contributionId, CancellationToken cancellationToken = default)
    {
        await using var command = tx.Command(FindSql);
        command.Parameters.AddWithValue("tenant", tx.TenantId);
        command.Parameters.AddWithValue("ehr_id", ehrId);
        command.Parameters.AddWithValue("contribution_id", contributionId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }
        return new ContributionRow(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3),
            reader.GetInt16(4), reader.IsDBNull(5) ? null : reader.GetString(5));
    }

    /// <summary>The versions the contribution made, by object and version.</summary>
    public async Task<IReadOnlyList<ContributedVersion>> VersionsAsync(TenantTransaction tx, Guid ehrId, Guid contributionId, CancellationToken cancellationToken = default)
    {
        await using var command = tx.Command(VersionsSql);
        command.Parameters.AddWithValue("tenant", tx.TenantId);
        command.Parameters.AddWithValue("ehr_id", ehrId);
        command.Parameters.AddWithValue("contribution_id", contributionId);
        var list = new List<ContributedVersion>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new ContributedVersion(reader.GetGuid(0), reader.GetString(1), reader.GetInt32(2)));
        }
        return list;
    }
}
