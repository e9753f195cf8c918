using System.Net;
using Fkj.Cdr.Storage.Tenancy;
using Npgsql;

namespace Fkj.Cdr.Storage.Records;

/// <summary>How an audited request ended.</summary>
public static class AuditOutcome
{
    /// <summary>Answered with success (2xx).</summary>
    public const string Success = "success";

    /// <summary>Refused with a client error (4xx): not found, stale, invalid, ...</summary>
    public const string Refused = "refused";

    /// <summary>Failed with a server error (5xx).</summary>
    public const string Failed = "failed";

    public static string Of(int status) => status < 400 ? Success : status < 500 ? Refused : Failed;
}

/// <summary>One audit record of patient data: who did what to which EHR, object and version, when, from where, and how it ended.</summary>
/// <param name="Time">When.</param>
/// <param name="Actor">Who (the authenticated user, or the committer header until authentication exists).</param>
/// <param name="Action">What, as a stable dotted name: <c>ehr.create</c>, <c>composition.read</c>, <c>composition.update</c>, ...</param>
/// <param name="EhrId">The EHR the request named; <see cref="Guid.Empty"/> when none (or none that parses).</param>
/// <param name="ObjectId">The versioned object read or written, where there is one.</param>
/// <param name="Version">The version read or written, where there is one.</param>
/// <param name="Outcome">An <see cref="AuditOutcome"/>.</param>
/// <param name="Status">The HTTP status of the answer.</param>
/// <param name="ClientAddress">The client's address, where known.</param>
/// <param name="Details">More, for people: the error code and message of a refusal, the query of a search.</param>
public sealed record AuditEvent(
    DateTimeOffset Time,
    string Actor,
    string Action,
    Guid EhrId,
    Guid? ObjectId,
    int? Version,
    string Outcome,
    int Status,
    IPAddress? ClientAddress,
    string? Details);

/// <summary>An audit record as read back, with its sequence number.</summary>
public sealed record StoredAuditEvent(long EventId, AuditEvent Event);

/// <summary>
/// The audit_event table (migration 0003), append-only: fkj_app may insert and read, never change or delete.
/// A write's record is appended to the write's <see cref="RecordBatch"/>, so it commits or rolls back with it;
/// a refusal's record is written with <see cref="AppendAsync"/> in a transaction of its own.
/// </summary>
public sealed class AuditLog
{
    private const string InsertSql = """
        INSERT INTO audit_event (tenant_id, ehr_id, time, actor, action, object_id, version, outcome, status, client_address, details)
        VALUES (@tenant, @ehr_id, @time, @actor, @action, @object_id, @version, @outcome, @status, @client_address, @details)
        """;

    private const string ListSql = """
        SELECT event_id, time, actor, action, ehr_id, object_id, version, outcome, status, client_address, details
        FROM audit_event
        WHERE tenant_id = @tenant AND ehr_id = @ehr_id AND event_id < @before
        ORDER BY event_id DESC
        LIMIT @limit
        """;

    /// <summary>
    /// The INSERT of a read's record, for a data-modifying CTE after <c>found</c>, the version a read found
    /// (<see cref="VersionStore.FindAuditedAsync"/>): one record when the read found it, none when it did not
    /// (the refusal is recorded apart, like every refusal). Its parameters are bound by <see cref="BindFound"/>.
    /// </summary>
    internal const string InsertFoundSql = """
        INSERT INTO audit_event (tenant_id, ehr_id, time, actor, action, object_id, version, outcome, status, client_address, details)
        SELECT @tenant, @ehr_id, @audit_time, @audit_actor, @audit_action, found.object_id, found.version, @audit_outcome,
               CASE WHEN found.change_type = @audit_deleted_change THEN @audit_status_deleted ELSE @audit_status END,
               @audit_client_address, @audit_details
        FROM found
        """;

    /// <summary>Binds the record of <see cref="InsertFoundSql"/>; <paramref name="statusIfDeleted"/> is the answer's status when the version found is a deletion.</summary>
    internal static void BindFound(NpgsqlParameterCollection parameters, AuditEvent audit, int statusIfDeleted)
    {
        parameters.AddWithValue("audit_time", audit.Time);
        parameters.AddWithValue("audit_actor", audit.Actor);
        parameters.AddWithValue("audit_action", audit.Action);
        parameters.AddWithValue("audit_outcome", audit.Outcome);
        parameters.AddWithValue("audit_deleted_change", ChangeType.Deleted);
        parameters.AddWithValue("audit_status", checked((short)audit.Status));
        parameters.AddWithValue("audit_status_deleted", checked((short)statusIfDeleted));
        parameters.AddWithValue("audit_client_address", (object?)audit.ClientAddress ?? DBNull.Value);
        parameters.AddWithValue("audit_details", (object?)audit.Details ?? DBNull.Value);
    }

    /// <summary>Appends the record to a write's batch.</summary>
    public void Add(RecordBatch batch, AuditEvent audit) => Bind(batch.Add(InsertSql).Parameters, batch.TenantId, audit);

    /// <summary>
    /// Writes the record in the caller's transaction now (for reads, and refusals in a transaction of their own).
    /// With <paramref name="durable"/> false the transaction commits asynchronously (<c>SET LOCAL
    /// synchronous_commit = off</c>, in the same round trip): its commit does not wait for the WAL to reach the
    /// disk, so a crash of the database server within a fraction of a second after it can lose the record, never
    /// corrupt anything. Only for transactions that write nothing else: the record of a read or a refusal.
    /// </summary>
    public async Task AppendAsync(TenantTransaction tx, AuditEvent audit, bool durable = true, CancellationToken cancellationToken = default)
    {
        await using var batch = new NpgsqlBatch(tx.Connection, tx.Transaction);
        if (!durable)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(AsynchronousCommitSql));
        }
        var insert = new NpgsqlBatchCommand(InsertSql);
        Bind(insert.Parameters, tx.TenantId, audit);
        batch.BatchCommands.Add(insert);
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private const string AsynchronousCommitSql = "SET LOCAL synchronous_commit = off";

    /// <summary>The EHR's records, newest first: at most <paramref name="limit"/>, before event <paramref name="before"/> when given.</summary>
    public async Task<IReadOnlyList<StoredAuditEvent>> ListAsync(TenantTransaction tx, Guid ehrId, int limit, long? before = null, CancellationToken cancellationToken = default)
    {
        await using var command = tx.Command(ListSql);
        command.Parameters.AddWithValue("tenant", tx.TenantId);
        command.Parameters.AddWithValue("ehr_id", ehrId);
        command.Parameters.AddWithValue("before", before ?? long.MaxValue);
        command.Parameters.AddWithValue("limit", limit);
        var list = new List<StoredAuditEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new StoredAuditEvent(reader.GetInt64(0), new AuditEvent(
                reader.GetFieldValue<DateTimeOffset>(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetGuid(4),
                reader.IsDBNull(5) ? null : reader.GetGuid(5),
                reader.IsDBNull(6) ? null : reader.GetInt32(6),
                reader.GetString(7),
                reader.GetInt16(8),
                reader.IsDBNull(9) ? null : reader.GetFieldValue<IPAddress>(9),
                reader.IsDBNull(10) ? null : reader.GetString(10))));
        }
        return list;
    }

    private static void Bind(NpgsqlParameterCollection parameters, string tenantId, AuditEvent audit)
    {
        parameters.AddWithValue("tenant", tenantId);
        parameters.AddWithValue("ehr_id", audit.EhrId);
        parameters.AddWithValue("time", audit.Time);
        parameters.AddWithValue("actor", audit.Actor);
        parameters.AddWithValue("action", audit.Action);
        parameters.AddWithValue("object_id", (object?)audit.ObjectId ?? DBNull.Value);
        parameters.AddWithValue("version", (object?)audit.Version ?? DBNull.Value);
        parameters.AddWithValue("outcome", audit.Outcome);
        parameters.AddWithValue("status", checked((short)audit.Status));
        parameters.AddWithValue("client_address", (object?)audit.ClientAddress ?? DBNull.Value);
        parameters.AddWithValue("details", (object?)audit.Details ?? DBNull.Value);
    }
}
