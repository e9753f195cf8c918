using System.Net;
using Fkj.Cdr.Server.Database;
using Fkj.Cdr.Server.Ehr;
using Fkj.Cdr.Storage.Records;

namespace Fkj.Cdr.Server.Auditing;

/// <summary>
/// The audit trail of patient data (table audit_event): every read and write of an EHR, its status and its
/// compositions, and every refused or failed attempt, with time, tenant, actor, action, EHR, object, version,
/// outcome and client address. A success is recorded by the service in the request's own transaction
/// (<see cref="Add"/>, <see cref="AppendAsync"/>); a refusal or failure by the <see cref="AuditFilter"/>, in a
/// transaction of its own after the request's has been rolled back.
/// </summary>
public sealed partial class PatientAudit
{
    public const string Category = "Fkj.Cdr.Audit.Patient";

    private readonly DatabaseService _database;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly bool _syncReadAudit;

    public PatientAudit(DatabaseService database, ILoggerFactory loggerFactory, Hosting.ServerOptions options, TimeProvider? time = null)
    {
        _database = database;
        _syncReadAudit = options.SyncReadAudit;
        _time = time ?? TimeProvider.System;
        _logger = loggerFactory.CreateLogger(Category);
    }

    /// <summary>The record of the request as it stands, with this status.</summary>
    public AuditEvent Event(HttpContext http, AuditScope scope, int status, string? details = null) => new(
        _time.GetUtcNow(),
        AuditActor.Of(http),
        scope.Action,
        scope.EhrId,
        scope.ObjectId,
        scope.Version,
        AuditOutcome.Of(status),
        status,
        ClientAddress(http),
        Join(scope.UnparsedEhrId is { } raw ? $"ehr_id '{raw}'" : null, scope.Details, details));

    /// <summary>Appends the success record to a write's batch, so that it commits with the write.</summary>
    public void Add(RecordBatch batch, HttpContext http, AuditScope scope, int status)
    {
        _database.Require().Audit.Add(batch, Event(http, scope, status));
        scope.Recorded = true;
    }

    /// <summary>
    /// Writes the success record of a read in the read's transaction, which then commits asynchronously unless
    /// <see cref="Hosting.ServerOptions.SyncReadAudit"/> (see <see cref="AuditLog.AppendAsync"/>).
    /// </summary>
    public async Task AppendAsync(Storage.Tenancy.TenantTransaction tx, HttpContext http, AuditScope scope, int status, CancellationToken cancellationToken)
    {
        await _database.Require().Audit.AppendAsync(tx, Event(http, scope, status), _syncReadAudit, cancellationToken);
        scope.Recorded = true;
    }

    /// <summary>Whether the record of a read must be on disk before the answer (see <see cref="Hosting.ServerOptions.SyncReadAudit"/>).</summary>
    public bool DurableReads => _syncReadAudit;

    /// <summary>
    /// The success record of a read that the read's own statement writes when it finds what it reads
    /// (<see cref="VersionStore.FindAuditedAsync"/>); the version is the one found.
    /// </summary>
    public AuditEvent ReadEvent(HttpContext http, AuditScope scope) => Event(http, scope, StatusCodes.Status200OK);

    /// <summary>
    /// Records a refusal or failure in a transaction of its own. It never throws: a request whose audit record
    /// cannot be written is logged at error level here, and answered as it would have been.
    /// </summary>
    public async Task RecordOutcomeAsync(HttpContext http, string tenantId, AuditScope scope, int status, string? details)
    {
        var audit = Event(http, scope, status, details);
        try
        {
            var database = _database.Require();
            await using var tx = await database.BeginAsync(tenantId, CancellationToken.None);
            await database.Audit.AppendAsync(tx, audit, _syncReadAudit, CancellationToken.None);
            await tx.CommitAsync(CancellationToken.None);
            scope.Recorded = true;
        }
        catch (Exception e)
        {
            AuditWriteFailed(e, tenantId, audit.Action, audit.EhrId, audit.Outcome, audit.Status, audit.Actor);
        }
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Error,
        Message = "Could not write the audit record of {Action} on EHR {EhrId} in tenant {Tenant} ({Outcome}, {Status}) by {Actor}")]
    private partial void AuditWriteFailed(Exception e, string tenant, string action, Guid ehrId, string outcome, int status, string actor);

    private static IPAddress? ClientAddress(HttpContext http) =>
        http.Connection.RemoteIpAddress is { } address && address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : http.Connection.RemoteIpAddress;

    private static string? Join(params string?[] parts)
    {
        var present = parts.Where(p => !string.IsNullOrEmpty(p)).ToList();
        return present.Count == 0 ? null : string.Join("; ", present);
    }
}
