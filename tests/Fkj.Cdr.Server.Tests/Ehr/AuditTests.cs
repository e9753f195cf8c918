using System.Net;
using System.Text.Json;
using static Fkj.Cdr.Server.Tests.Ehr.EhrTestData;

namespace Fkj.Cdr.Server.Tests.Ehr;

/// <summary>
/// Every read and write of patient data leaves an audit record, and so does every refused attempt;
/// <c>GET /ehr/{id}/audit</c> lists them, newest first, with who, what, when, from where and how it ended.
/// </summary>
[Collection(EhrServerCollection.Name)]
public sealed class AuditTests
{
    private readonly EhrServerFixture _fixture;

    public AuditTests(EhrServerFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task ReadsWritesAndRefusalsAreAudited()
    {
        var tenant = await _fixture.VitalSignsTenantAsync();
        var committer = ("openEHR-AUDIT_DETAILS.committer", "name=\"Kari Nordmann\", external_ref.id=\"9144889a-5d4d-4c4c-9a8a-0a0a7a1f3c11\", external_ref.namespace=\"hpr\", external_ref.type=\"PERSON\"");
        using var created = await _fixture.SendAsync(HttpMethod.Post, "/ehr", tenant, null, null, Prefer("identifier"), committer);
        var ehr = (await JsonAsync(created)).GetProperty("uid").GetString()!;
        using var commit = await _fixture.SendAsync(HttpMethod.Post, $"/ehr/{ehr}/composition", tenant, VitalSigns(), "application/json", committer,
            ("openEHR-AUDIT_DETAILS.description", "value=\"Measured at the out-of-hours clinic\""));
        var uid = EhrServerFixture.VersionUidOf(commit);
        var objectId = uid.Split("::")[0];
        using (await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{ehr}/composition/{uid}", tenant)) { }
        using (await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{ehr}/composition/{Guid.NewGuid():D}", tenant)) { }
        using (await _fixture.SendAsync(HttpMethod.Put, $"/ehr/{ehr}/composition/{objectId}", tenant, VitalSigns(), "application/json",
            IfMatch($"{objectId}::{EhrServerFixture.SystemId}::9"))) { }
        using (await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{ehr}", tenant)) { }

        using var audit = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{ehr}/audit", tenant);
        Assert.Equal(HttpStatusCode.OK, audit.StatusCode);
        var events = (await JsonAsync(audit)).GetProperty("events").EnumerateArray().ToList();
        var summary = events.Select(e => $"{e.GetProperty("action").GetString()} {e.GetProperty("outcome").GetString()} {e.GetProperty("status").GetInt32()}").ToList();
        Assert.Equal(
        [
            "ehr.read success 200",
            "composition.update refused 412",
            "composition.read refused 404",
            "composition.read success 200",
            "composition.create success 201",
            "ehr.create success 201",
        ], summary);
        Assert.All(events, e =>
        {
            Assert.Equal("127.0.0.1", e.GetProperty("client_address").GetString());
            Assert.True(DateTimeOffset.TryParse(e.GetProperty("time").GetString(), out _));
        });
        // Until the API authenticates, the actor is the committer the client names, marked as claimed.
        Assert.Equal("Kari Nordmann (claimed, unauthenticated)", events[^1].GetProperty("actor").GetString());
        Assert.Equal("anonymous", events[0].GetProperty("actor").GetString());
        Assert.Equal(objectId, events[3].GetProperty("object_id").GetString());
        Assert.Equal(1, events[3].GetProperty("version").GetInt32());
        Assert.StartsWith("version_conflict", events[1].GetProperty("details").GetString());

        // The commit's AUDIT_DETAILS has the committer and description the client gave.
        using var history = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{ehr}/versioned_composition/{objectId}/revision_history", tenant);
        var details = (await JsonAsync(history)).GetProperty("items")[0].GetProperty("audits")[0];
        Assert.Equal("Kari Nordmann", details.GetProperty("committer").GetProperty("name").GetString());
        Assert.Equal("hpr", details.GetProperty("committer").GetProperty("external_ref").GetProperty("namespace").GetString());
        Assert.Equal("Measured at the out-of-hours clinic", details.GetProperty("description").GetProperty("value").GetString());

        // Reading the audit trail is itself audited (after the list is read), and the list pages, newest first.
        using var again = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{ehr}/audit?limit=2", tenant);
        var page = await JsonAsync(again);
        Assert.Equal(["composition.read_history", "audit.read"], page.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("action").GetString()));
        var next = page.GetProperty("next_before").GetInt64();
        using var older = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{ehr}/audit?limit=2&before={next}", tenant);
        Assert.Equal(["ehr.read", "composition.update"], (await JsonAsync(older)).GetProperty("events").EnumerateArray().Select(e => e.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task AuditRecordsCannotBeChangedOrDeleted()
    {
        var tenant = await _fixture.NewTenantAsync("imm");
        var ehr = await _fixture.CreateEhrAsync(tenant);
        var database = _fixture.Server.Database.Database!;
        foreach (var sql in new[]
        {
            "UPDATE audit_event SET actor = 'someone else'",
            "DELETE FROM audit_event",
            "UPDATE object_version SET document = '{}'",
            "DELETE FROM object_version",
            "UPDATE contribution SET committer = '{}'",
            "DELETE FROM leaf_value",
            "UPDATE ehr SET time_created = now()",
        })
        {
            await using var tx = await database.BeginAsync(tenant);
            await using var command = tx.Command(sql);
            var e = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => command.ExecuteNonQueryAsync());
            Assert.Equal("42501", e.SqlState); // insufficient_privilege
        }
        Assert.NotEmpty(await _fixture.QueryAsync("SELECT 1 FROM audit_event WHERE tenant_id = @t AND ehr_id = @e", ("t", tenant), ("e", Guid.Parse(ehr))));
    }
}
