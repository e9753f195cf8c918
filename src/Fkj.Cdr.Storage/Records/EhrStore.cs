using Fkj.Cdr.Storage.Tenancy;
using Npgsql;

namespace Fkj.Cdr.Storage.Records;

/// <summary>An EHR as the ehr table holds it.</summary>
/// <param name="EhrId">EHR.ehr_id.</param>
/// <param name="TimeCreated">EHR.time_created.</param>
/// <param name="StatusObjectId">The versioned object id of its EHR_STATUS.</param>
/// <param name="IsModifiable">The latest EHR_STATUS's is_modifiable.</param>
/// <param name="IsQueryable">The latest EHR_STATUS's is_queryable.</param>
public sealed record EhrRow(Guid EhrId, DateTimeOffset TimeCreated, Guid StatusObjectId, bool IsModifiable, bool IsQueryable);

/// <summary>A subject of an EHR: EHR_STATUS.subject.external_ref's namespace and id.value.</summary>
public sealed record EhrSubject(string Namespace, string Id);

/// <summary>
/// The ehr and ehr_subject tables (migration 0003): which EHRs a tenant has, and which subject each belongs to.
/// Writes are appended to the caller's <see cref="RecordBatch"/>; reads run in the caller's <see cref="TenantTransaction"/>.
/// </summary>
public sealed class EhrStore
{
    /// <summary>The constraint that refuses a second EHR with the same id in a tenant.</summary>
    public const string EhrIdTaken = "ehr_pkey";

    /// <summary>The constraint that refuses a second EHR for the same subject in a tenant.</summary>
    public const string SubjectTaken = "ehr_subject_pkey";

    private const string InsertSql = """
        INSERT INTO ehr (tenant_id, ehr_id, time_created, status_object_id, is_modifiable, is_queryable)
        VALUES (@tenant, @ehr_id, @time_created, @status_object_id, @is_modifiable, @is_queryable)
        """;

    private const string InsertSubjectSql = """
        INSERT INTO ehr_subject (tenant_id, subject_namespace, subject_id, ehr_id)
        VALUES (@tenant, @namespace, @id, @ehr_id)
        """;

    private const string DeleteSubjectsSql = "DELETE FROM ehr_subject WHERE tenant_id = @tenant AND ehr_id = @ehr_id";

    private const string SetFlagsSql = """
        UPDATE ehr SET is_modifiable = @is_modifiable, is_queryable = @is_queryable
        WHERE tenant_id = @tenant AND ehr_id = @ehr_id
        """;

    private const string FindSql = """
        SELECT ehr_id, time_created, status_object_id, is_modifiable, is_queryable
        FROM ehr WHERE tenant_id = @tenant AND ehr_id = @ehr_id
        """;

    private const string FindBySubjectSql = """
        SELECT e.ehr_id, e.time_created, e.status_object_id, e.is_modifiable, e.is_queryable
        FROM ehr_subject s JOIN ehr e ON e.tenant_id = s.tenant_id AND e.ehr_id = s.ehr_id
        WHERE s.tenant_id = @tenant AND s.subject_namespace = @namespace AND s.subject_id = @id
        """;

    private const string FindBySubjectsSql = """
        SELECT s.subject_namespace, s.subject_id, s.ehr_id
        FROM ehr_subject s
        JOIN unnest(@namespaces::text[], @ids::text[]) AS wanted(subject_namespace, subject_id)
          ON wanted.subject_namespace = s.subject_namespace AND wanted.subject_id = s.subject_id
        WHERE s.tenant_id = @tenant
        """;

    private const string SubjectSql = """
        SELECT subject_namespace, subject_id FROM ehr_subject WHERE tenant_id = @tenant AND ehr_id = @ehr_id
        """;

    /// <summary>Appends the EHR's row; a taken id fails the batch with <see cref="EhrIdTaken"/>.</summary>
    public void Add(RecordBatch batch, EhrRow ehr)
    {
        var command = batch.Add(InsertSql);
        command.Parameters.AddWithValue("tenant", batch.TenantId);
        command.Parameters.AddWithValue("ehr_id", ehr.EhrId);
        command.Parameters.AddWithValue("time_created", ehr.TimeCreated);
        command.Parameters.AddWithValue("status_object_id", ehr.StatusObjectId);
        command.Parameters.AddWithValue("is_modifiable", ehr.IsModifiable);
        command.Parameters.AddWithValue("is_queryable", ehr.IsQueryable);
    }

    /// <summary>Appends the EHR's subject; a subject with an EHR already fails the batch with <see cref="SubjectTaken"/>.</summary>
    public void AddSubject(RecordBatch batch, Guid ehrId, EhrSubject subject)
    {
        var command = batch.Add(InsertSubjectSql);
        command.Parameters.AddWithValue("tenant", batch.TenantId);
        command.Parameters.AddWithValue("namespace", subject.Namespace);
        command.Parameters.AddWithValue("id", subject.Id);
        command.Parameters.AddWithValue("ehr_id", ehrId);
    }

    /// <summary>Appends the removal of the EHR's subject (before a new EHR_STATUS names another one).</summary>
    public void RemoveSubject(RecordBatch batch, Guid ehrId)
    {
        var command = batch.Add(DeleteSubjectsSql);
        command.Parameters.AddWithValue("tenant", batch.TenantId);
        command.Parameters.AddWithValue("ehr_id", ehrId);
    }

    /// <summary>Appends the new EHR_STATUS flags.</summary>
    public void SetStatusFlags(RecordBatch batch, Guid ehrId, bool isModifiable, bool isQueryable)
    {
        var command = batch.Add(SetFlagsSql);
        command.Parameters.AddWithValue("tenant", batch.TenantId);
        command.Parameters.AddWithValue("ehr_id", ehrId);
        command.Parameters.AddWithValue("is_modifiable", isModifiable);
        command.Parameters.AddWithValue("is_queryable", isQueryable);
    }

    /// <summary>The tenant's EHR with this id, or null.</summary>
    public async Task<EhrRow?> FindAsync(TenantTransaction tx, Guid ehrId, CancellationToken cancellationToken = default)
    {
        await using var command = tx.Command(FindSql);
        command.Parameters.AddWithValue("tenant", tx.TenantId);
        command.Parameters.AddWithValue("ehr_id", ehrId);
        return await ReadAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The tenant's EHR of this subject, or null.</summary>
    public async Task<EhrRow?> FindBySubjectAsync(TenantTransaction tx, EhrSubject subject, CancellationToken cancellationToken = default)
    {
        await using var command = tx.Command(FindBySubjectSql);
        command.Parameters.AddWithValue("tenant", tx.TenantId);
        command.Parameters.AddWithValue("namespace", subject.Namespace);
        command.Parameters.AddWithValue("id", subject.Id);
        return await ReadAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The tenant's EHRs of these subjects, in one query (for the bulk import); subjects without an EHR are left out.</summary>
    public async Task<IReadOnlyDictionary<EhrSubject, Guid>> FindBySubjectsAsync(TenantTransaction tx, IReadOnlyCollection<EhrSubject> subjects, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(subjects);
        var found = new Dictionary<EhrSubject, Guid>();
        if (subjects.Count == 0)
        {
            return found;
        }
        await using var command = tx.Command(FindBySubjectsSql);
        command.Parameters.AddWithValue("tenant", tx.TenantId);
        command.Parameters.AddWithValue("namespaces", subjects.Select(s => s.Namespace).ToArray());
        command.Parameters.AddWithValue("ids", subjects.Select(s => s.Id).ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            found[new EhrSubject(reader.GetString(0), reader.GetString(1))] = reader.GetGuid(2);
        }
        return found;
    }

    /// <summary>The subject the EHR belongs to now, or null for an anonymous EHR.</summary>
    public async Task<EhrSubject?> FindSubjectAsync(TenantTransaction tx, Guid ehrId, CancellationToken cancellationToken = default)
    {
        await using var command = tx.Command(SubjectSql);
        command.Parameters.AddWithValue("tenant", tx.TenantId);
        command.Parameters.AddWithValue("ehr_id", ehrId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? new EhrSubject(reader.GetString(0), reader.GetString(1)) : null;
    }

    private static async Task<EhrRow?> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }
        return new EhrRow(reader.GetGuid(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetGuid(2), reader.GetBoolean(3), reader.GetBoolean(4));
    }
}
