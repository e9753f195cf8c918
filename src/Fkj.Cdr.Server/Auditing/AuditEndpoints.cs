using System.Globalization;
using System.Text.Json;
using Fkj.Cdr.Server.Database;
using Fkj.Cdr.Server.Ehr;
using Fkj.Cdr.Server.Errors;
using Fkj.Cdr.Server.Tenancy;
using Fkj.Cdr.Storage.Records;
using Microsoft.AspNetCore.Mvc;

namespace Fkj.Cdr.Server.Auditing;

/// <summary>
/// <c>GET /openehr/v1/ehr/{ehr_id}/audit</c> (an extension of this server, not in ITS-REST): who has read or
/// written the EHR, when, from where, and how it went, newest first. It is the citizen's right to see who has
/// looked at their data. Reading the trail is itself audited (<c>audit.read</c>).
/// </summary>
/// <remarks>
/// Query parameters: <c>limit</c> (1 to 1000, default 100) and <c>before</c> (an <c>event_id</c>: the page of
/// older events). The answer is <c>{"ehr_id": ..., "events": [...], "next_before": n}</c>, with
/// <c>next_before</c> absent on the last page.
/// </remarks>
public static class AuditEndpoints
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static RouteGroupBuilder MapEhrAudit(this RouteGroupBuilder ehr)
    {
        ehr.MapGet("/{ehr_id}/audit", ListAsync).Audited("audit.read");
        return ehr;
    }

    private static async Task ListAsync(HttpContext http, [FromRoute(Name = "ehr_id")] string ehrId, RequestTenant tenant, DatabaseService databaseService,
        PatientAudit audit, AuditScope scope, CancellationToken cancellationToken)
    {
        var id = OpenEhrHttp.EhrId(ehrId);
        var limit = Number(http.Request, "limit") ?? DefaultLimit;
        if (limit is < 1 or > MaxLimit)
        {
            throw new ApiException(StatusCodes.Status400BadRequest, "bad_request", $"limit must be 1 to {MaxLimit}.");
        }
        var before = Number(http.Request, "before");
        var database = databaseService.Require();
        IReadOnlyList<StoredAuditEvent> events;
        await using (var tx = await database.BeginAsync(tenant.Id, cancellationToken))
        {
            _ = await database.Ehrs.FindAsync(tx, id, cancellationToken) ?? throw EhrErrors.EhrNotFound(id);
            events = await database.Audit.ListAsync(tx, id, (int)limit + 1, before, cancellationToken);
            await audit.AppendAsync(tx, http, scope, StatusCodes.Status200OK, cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }

        using var buffer = new MemoryStream();
        await using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("ehr_id", id.ToString("D"));
            writer.WriteStartArray("events");
            foreach (var stored in events.Take((int)limit))
            {
                var e = stored.Event;
                writer.WriteStartObject();
                writer.WriteNumber("event_id", stored.EventId);
                writer.WriteString("time", e.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
                writer.WriteString("actor", e.Actor);
                writer.WriteString("action", e.Action);
                if (e.ObjectId is { } objectId) writer.WriteString("object_id", objectId.ToString("D"));
                if (e.Version is { } version) writer.WriteNumber("version", version);
                writer.WriteString("outcome", e.Outcome);
                writer.WriteNumber("status", e.Status);
                if (e.ClientAddress is { } address) writer.WriteString("client_address", address.ToString());
                if (e.Details is { } details) writer.WriteString("details", details);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            if (events.Count > limit)
            {
                writer.WriteNumber("next_before", events[(int)limit - 1].EventId);
            }
            writer.WriteEndObject();
        }
        await OpenEhrHttp.WriteBytesAsync(http.Response, "application/json", buffer.ToArray(), cancellationToken);
    }

    private static long? Number(HttpRequest request, string name)
    {
        var text = request.Query[name].ToString();
        if (text.Length == 0)
        {
            return null;
        }
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new ApiException(StatusCodes.Status400BadRequest, "bad_request", $"{name} '{text}' is not a whole number.");
    }
}
