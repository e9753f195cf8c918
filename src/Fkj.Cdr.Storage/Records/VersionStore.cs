using Fkj.Cdr.Storage.Tenancy;
using Npgsql;

namespace Fkj.Cdr.Storage.Records;

/// <summary>A versioned object: its RM type, creation time, template, and newest version.</summary>
public sealed record VersionedObjectRow(Guid ObjectId, string RmType, DateTimeOffset TimeCreated, string? TemplateId, int LatestVersion, bool LatestDeleted);

/// <summary>A version to write.</summary>
/// <param name="ObjectId">The versioned object's id.</param>
/// <param name="Version">1 for the first version, then the preceding version + 1.</param>
/// <param name="ContributionId">The contribution that commits it (written in the same batch).</param>
/// <param name="TimeCommitted">The commit time (the contribution's).</param>
/// <param name="ChangeType">A <see cref="Records.ChangeType"/> code; <see cref="Records.ChangeType.Deleted"/> has no document.</param>
/// <param name="LifecycleState">A <see cref="Records.LifecycleState"/> code.</param>
/// <param name="Description">The commit audit's description, if any.</param>
/// <param name="Document">The version's data as compact canonical JSON; null for a deletion.</param>
public sealed record NewVersion(Guid ObjectId, int Version, Guid ContributionId, DateTimeOffset TimeCommitted, short ChangeType,
    short LifecycleState, string? Description, string? Document)
{
    public bool IsDeletion => ChangeType == Records.ChangeType.Deleted;
}

/// <summary>A stored version with its commit audit (from its contribution) and, unless asked without, its document.</summary>
public sealed record StoredVersion(
    Guid ObjectId,
    int Version,
    string RmType,
    string? TemplateId,
    Guid ContributionId,
    string SystemId,
    string Committer,
    DateTimeOffset TimeCommitted,
    short ChangeType,
    short LifecycleState,
    string? Description,
    string? Document)
{
    public bool IsDeletion => ChangeType == Records.ChangeType.Deleted;
}

/// <summary>
/// The versioned_object, object_version and latest_version tables (migration 0003). A version is written once
/// and never changed. Optimistic concurrency, in <see cref="AddNext"/>: version n+1 is inserted, whose primary
/// key lets only one of two concurrent updates from version n in (the second waits for the first and then fails
/// with <see cref="VersionTaken"/>); then latest_version moves from n to n+1 only WHERE it still is n, the gate
/// that also refuses a preceding version that was never the latest.
/// </summary>
public sealed class VersionStore
{
    /// <summary>The constraint that refuses a version number that is already written.</summary>
    public const string VersionTaken = "object_version_pkey";

    /// <summary>The constraint that refuses a versioned object id that is already used in the EHR.</summary>
    public const string ObjectIdTaken = "versioned_object_pkey";

    private const string InsertObjectSql = """
        INSERT INTO versioned_object (tenant_id, ehr_id, object_id, rm_type, time_created, template_id)
        VALUES (@tenant, @ehr_id, @object_id, @rm_type, @time_created, @template_id)
        """;

    private const string KeyOfVersion =
        "(SELECT version_key FROM object_version WHERE tenant_id = @tenant AND ehr_id = @ehr_id AND object_id = @object_id AND version = @version)";

    private const string InsertLatestSql = $"""
        INSERT INTO latest_version (tenant_id, ehr_id, object_id, version, version_key, deleted)
        VALUES (@tenant, @ehr_id, @object_id, @version, {KeyOfVersion}, @deleted)
        """;

    private const string AdvanceLatestSql = $"""
        UPDATE latest_version SET version = @version, version_key = {KeyOfVersion}, deleted = @deleted
        WHERE tenant_id = @tenant AND ehr_id = @ehr_id AND object_id = @object_id AND version = @preceding
        """;

    private const string InsertVersionSql = """
        INSERT INTO object_version (tenant_id, ehr_id, object_id, version, contribution_id, time_committed, change_type, lifecycle_state, description, document)
        VALUES (@tenant, @ehr_id, @object_id, @version, @contribution_id, @time_committed, @change_type, @lifecycle_state, @description, @document)
        """;

    private const string FindObjectSql = """
        SELECT o.object_id, o.rm_type, o.time_created, o.template_id, l.version, l.deleted
        FROM versioned_object o
        JOIN latest_version l ON l.tenant_id = o.tenant_id AND l.ehr_id = o.ehr_id AND l.object_id = o.object_id
        WHERE o.tenant_id = @tenant AND o.ehr_id = @ehr_id AND o.object_id = @object_id AND o.rm_type = @rm_type
        """;

    private const string ObjectIdsSql = """
        SELECT ehr_id, object_id FROM versioned_object
        WHERE tenant_id = @tenant AND ehr_id = ANY(@ehr_ids) AND rm_type = @rm_type
        """;

    private const string VersionColumns = """
        v.object_id, v.version, o.rm_type, o.template_id, v.contribution_id, c.system_id, c.committer,
        v.time_committed, v.change_type, v.lifecycle_state, v.description
        """;

    private const string VersionJoins = """
        FROM object_version v
        JOIN versioned_object o ON o.tenant_id = v.tenant_id AND o.ehr_id = v.ehr_id AND o.object_id = v.object_id
        JOIN contribution c ON c.tenant_id = v.tenant_id AND c.ehr_id = v.ehr_id AND c.contribution_id = v.contribution_id
        """;

    private const string VersionFilter = "v.tenant_id = @tenant AND v.ehr_id = @ehr_id AND v.object_id = @object_id AND o.rm_type = @rm_type";

    private const string FindLatestSql = $"""
        SELECT {VersionColumns}, v.document
        {VersionJoins}
        JOIN latest_version l ON l.tenant_id = v.tenant_id AND l.ehr_id = v.ehr_id AND l.object_id = v.object_id AND l.version = v.version
        WHERE {VersionFilter}
        """;

    private const string FindVersionSql = $"""
        SELECT {VersionColumns}, v.document
        {VersionJoins}
        WHERE {VersionFilter} AND v.version = @version
        """;

    private const string FindAtTimeSql = $"""
        SELECT {VersionColumns}, v.document
        {VersionJoins}
        WHERE {VersionFilter} AND v.time_committed <= @time
        ORDER BY v.version DESC
        LIMIT 1
        """;

    private const string HistorySql = $"""
        SELECT {VersionColumns}, NULL::text
        {VersionJoins}
        WHERE {VersionFilter}
        ORDER BY v.version
        """;

    /// <summary>
    /// Appends a new versioned object with its first version (and its latest_version row). The contribution
    /// must be appended before it.
    /// </summary>
    public void AddFirst(RecordBatch batch, Guid ehrId, string rmType, string? templateId, NewVersion version)
    {
        if (version.Version != 1)
        {
            throw new ArgumentException("A new versioned object starts at version 1.", nameof(version));
        }
        var command = batch.Add(InsertObjectSql);
        command.Parameters.AddWithValue("tenant", batch.TenantId);
        command.Parameters.AddWithValue("ehr_id", ehrId);
        command.Parameters.AddWithValue("object_id", version.ObjectId);
        command.Parameters.AddWithValue("rm_type", rmType);
        command.Parameters.AddWithValue("time_created", version.TimeCommitted);
        command.Parameters.AddWithValue("template_id", (object?)templateId ?? DBNull.Value);

        AddVersionRow(batch, ehrId, version);

        var latest = batch.Add(InsertLatestSql);
        latest.Parameters.AddWithValue("tenant", batch.TenantId);
        latest.Parameters.AddWithValue("ehr_id", ehrId);
        latest.Parameters.AddWithValue("object_id", version.ObjectId);
        latest.Parameters.AddWithValue("version", version.Version);
        latest.Parameters.AddWithValue("deleted", version.IsDeletion);
    }

    /// <summary>
    /// Appends version <c>preceding + 1</c> of an existing object, gated on <paramref name="preceding"/> still being
    /// its latest version. After the batch has run, <see cref="VersionGate.Passed"/> says whether it was; when it
    /// was not, the caller must roll back. A concurrent update that won fails the batch with <see cref="VersionTaken"/>.
    /// </summary>
    public VersionGate AddNext(RecordBatch batch, Guid ehrId, int preceding, NewVersion version)
    {
        if (version.Version != preceding + 1)
        {
            throw new ArgumentException($"The version after {preceding} is {preceding + 1}, not {version.Version}.", nameof(version));
        }
        AddVersionRow(batch, ehrId, version);
        var gate = batch.Add(AdvanceLatestSql);
        gate.Parameters.AddWithValue("tenant", batch.TenantId);
        gate.Parameters.AddWithValue("ehr_id", ehrId);
        gate.Parameters.AddWithValue("object_id", version.ObjectId);
        gate.Parameters.AddWithValue("version", version.Version);
        gate.Parameters.AddWithValue("deleted", version.IsDeletion);
        gate.Parameters.AddWithValue("preceding", preceding);
        return new VersionGate(gate);
    }

    /// <summary>The versioned object of this RM type in the EHR, with its latest version number, or null.</summary>
    public async Task<VersionedObjectRow?> FindObjectAsync(TenantTransaction tx, Guid ehrId, Guid objectId, string rmType, CancellationToken cancellationToken = default)
    {
        await using var command = Command(tx, FindObjectSql, ehrId, objectId, rmType);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }
        return new VersionedObjectRow(reader.GetGuid(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2),
            reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetInt32(4), reader.GetBoolean(5));
    }

    /// <summary>The ids of the versioned objects of this RM type in these EHRs, in one query (for the bulk import, which skips what is stored).</summary>
    public async Task<IReadOnlyList<(Guid EhrId, Guid ObjectId)>> ObjectIdsAsync(TenantTransaction tx, IReadOnlyCollection<Guid> ehrIds, string rmType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(ehrIds);
        var list = new List<(Guid, Guid)>();
        if (ehrIds.Count == 0)
        {
            return list;
        }
        await using var command = tx.Command(ObjectIdsSql);
        command.Parameters.AddWithValue("tenant", tx.TenantId);
        command.Parameters.AddWithValue("ehr_ids", ehrIds.ToArray());
        command.Parameters.AddWithValue("rm_type", rmType);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add((reader.GetGuid(0), reader.GetGuid(1)));
        }
        return list;
    }

    /// <summary>The object's latest version (which may be a deletion), or null when the EHR has no such object.</summary>
    public async Task<StoredVersion?> FindLatestAsync(TenantTransaction tx, Guid ehrId, Guid objectId, string rmType, CancellationToken cancellationToken = default)
    {
        await using var command = Command(tx, FindLatestSql, ehrId, objectId, rmType);
        return await ReadOneAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Version <paramref name="version"/> of the object, or null.</summary>
    public async Task<StoredVersion?> FindAsync(TenantTransaction tx, Guid ehrId, Guid objectId, int version, string rmType, CancellationToken cancellationToken = default)
    {
        await using var command = Command(tx, FindVersionSql, ehrId, objectId, rmType);
        command.Parameters.AddWithValue("version", version);
        return await ReadOneAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The version that was the latest at <paramref name="time"/> (the newest committed at or before it), or null.</summary>
    public async Task<StoredVersion?> FindAtTimeAsync(TenantTransaction tx, Guid ehrId, Guid objectId, DateTimeOffset time, string rmType, CancellationToken cancellationToken = default)
    {
        await using var command = Command(tx, FindAtTimeSql, ehrId, objectId, rmType);
        command.Parameters.AddWithValue("time", time);
        return await ReadOneAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads a version and leaves the read's audit record, in one round trip: the version named by
    /// <paramref name="version"/>, else the one extant at <paramref name="at"/>, else the latest (which may be a
    /// deletion). The record is written only when the version is found, with <paramref name="audit"/>'s status, or
    /// <paramref name="statusIfDeleted"/> for a deletion. Null when the EHR has no such version.
    /// </summary>
    public async Task<StoredVersion?> FindAuditedAsync(RecordBatch batch, Guid ehrId, Guid objectId, string rmType, int? version, DateTimeOffset? at,
        AuditEvent audit, int statusIfDeleted, CancellationToken cancellationToken = default)
    {
        var find = version is not null ? FindVersionSql : at is not null ? FindAtTimeSql : FindLatestSql;
        var command = batch.Add($"WITH found AS ({find}), audited AS ({AuditLog.InsertFoundSql}) SELECT * FROM found");
        command.Parameters.AddWithValue("tenant", batch.TenantId);
        command.Parameters.AddWithValue("ehr_id", ehrId);
        command.Parameters.AddWithValue("object_id", objectId);
        command.Parameters.AddWithValue("rm_type", rmType);
        if (version is { } n)
        {
            command.Parameters.AddWithValue("version", n);
        }
        else if (at is { } time)
        {
            command.Parameters.AddWithValue("time", time);
        }
        AuditLog.BindFound(command.Parameters, audit, statusIfDeleted);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    /// <summary>Every version of the object, oldest first, without documents; empty when there is no such object.</summary>
    public async Task<IReadOnlyList<StoredVersion>> HistoryAsync(TenantTransaction tx, Guid ehrId, Guid objectId, string rmType, CancellationToken cancellationToken = default)
    {
        await using var command = Command(tx, HistorySql, ehrId, objectId, rmType);
        var list = new List<StoredVersion>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(Read(reader));
        }
        return list;
    }

    private static void AddVersionRow(RecordBatch batch, Guid ehrId, NewVersion version)
    {
        if (version.IsDeletion != (version.Document is null))
        {
            throw new ArgumentException("A deletion has no document, and every other version has one.", nameof(version));
        }
        var command = batch.Add(InsertVersionSql);
        command.Parameters.AddWithValue("tenant", batch.TenantId);
        command.Parameters.AddWithValue("ehr_id", ehrId);
        command.Parameters.AddWithValue("object_id", version.ObjectId);
        command.Parameters.AddWithValue("version", version.Version);
        command.Parameters.AddWithValue("contribution_id", version.ContributionId);
        command.Parameters.AddWithValue("time_committed", version.TimeCommitted);
        command.Parameters.AddWithValue("change_type", version.ChangeType);
        command.Parameters.AddWithValue("lifecycle_state", version.LifecycleState);
        command.Parameters.AddWithValue("description", (object?)version.Description ?? DBNull.Value);
        command.Parameters.AddWithValue("document", (object?)version.Document ?? DBNull.Value);
    }

    private static NpgsqlCommand Command(TenantTransaction tx, string sql, Guid ehrId, Guid objectId, string rmType)
    {
        var command = tx.Command(sql);
        command.Parameters.AddWithValue("tenant", tx.TenantId);
        command.Parameters.AddWithValue("ehr_id", ehrId);
        command.Parameters.AddWithValue("object_id", objectId);
        command.Parameters.AddWithValue("rm_type", rmType);
        return command;
    }

    private static async Task<StoredVersion?> ReadOneAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    private static StoredVersion Read(NpgsqlDataReader reader) => new(
        reader.GetGuid(0),
        reader.GetInt32(1),
        reader.GetString(2),
        reader.IsDBNull(3) ? null : reader.GetString(3),
        reader.GetGuid(4),
        reader.GetString(5),
        reader.GetString(6),
        reader.GetFieldValue<DateTimeOffset>(7),
        reader.GetInt16(8),
        reader.GetInt16(9),
        reader.IsDBNull(10) ? null : reader.GetString(10),
        reader.IsDBNull(11) ? null : reader.GetString(11));
}

/// <summary>The optimistic-concurrency gate of an update, read after its batch has run.</summary>
public sealed class VersionGate
{
    private readonly NpgsqlBatchCommand _command;

    internal VersionGate(NpgsqlBatchCommand command) => _command = command;

    /// <summary>Whether the preceding version was still the latest, so that the new version follows it.</summary>
    public bool Passed => _command.Rows == 1;
}
