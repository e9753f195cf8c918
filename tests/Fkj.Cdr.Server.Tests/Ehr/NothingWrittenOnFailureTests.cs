using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using static Fkj.Cdr.Server.Tests.Ehr.EhrTestData;

namespace Fkj.Cdr.Server.Tests.Ehr;

/// <summary>
/// A request that fails leaves no row in any data table (row counts before and after), and exactly one audit
/// record of its refusal.
/// </summary>
[Collection(EhrServerCollection.Name)]
public sealed class NothingWrittenOnFailureTests
{
    private readonly EhrServerFixture _fixture;

    public NothingWrittenOnFailureTests(EhrServerFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task FailedWritesLeaveNoRows()
    {
        var tenant = await _fixture.VitalSignsTenantAsync();
        var ehr = await _fixture.CreateEhrAsync(tenant);
        var v1 = await _fixture.CommitAsync(tenant, ehr, VitalSigns());
        var objectId = v1.Split("::")[0];
        var subject = """{"_type":"EHR_STATUS","archetype_node_id":"openEHR-EHR-EHR_STATUS.generic.v1","name":{"value":"EHR Status"},"subject":{"external_ref":{"id":{"_type":"GENERIC_ID","value":"s-1","scheme":"x"},"namespace":"ns","type":"PERSON"}},"is_modifiable":true,"is_queryable":true}""";
        using (var withSubject = await _fixture.SendAsync(HttpMethod.Post, "/ehr", tenant, Encoding.UTF8.GetBytes(subject), "application/json"))
        {
            Assert.Equal(HttpStatusCode.Created, withSubject.StatusCode);
        }

        var outOfRange = VitalSigns(5000);
        var unknownTemplate = JsonNode.Parse(VitalSigns())!.AsObject();
        unknownTemplate["archetype_details"]!["template_id"]!["value"] = "no.such.template.v1";
        var tooLarge = new byte[EhrServerFixture.MaxBodySize + 1];
        Array.Fill(tooLarge, (byte)' ');

        await RefusedAsync(tenant, 422, "invalid_composition", () => Send(HttpMethod.Post, $"/ehr/{ehr}/composition", tenant, outOfRange));
        await RefusedAsync(tenant, 422, "unknown_template", () => Send(HttpMethod.Post, $"/ehr/{ehr}/composition", tenant, Encoding.UTF8.GetBytes(unknownTemplate.ToJsonString())));
        await RefusedAsync(tenant, 400, "invalid_composition", () => Send(HttpMethod.Post, $"/ehr/{ehr}/composition", tenant, Encoding.UTF8.GetBytes("""{"_type":"COMPOSITION","name":""")));
        await RefusedAsync(tenant, 404, "ehr_not_found", () => Send(HttpMethod.Post, $"/ehr/{Guid.NewGuid():D}/composition", tenant, VitalSigns()));
        await RefusedAsync(tenant, 400, "invalid_ehr_id", () => Send(HttpMethod.Post, "/ehr/not-an-ehr/composition", tenant, VitalSigns()));
        await RefusedAsync(tenant, 413, "payload_too_large", () => Send(HttpMethod.Post, $"/ehr/{ehr}/composition", tenant, tooLarge));
        await RefusedAsync(tenant, 415, "unsupported_media_type", () => _fixture.SendAsync(HttpMethod.Post, $"/ehr/{ehr}/composition", tenant, VitalSigns(), "text/plain"));
        await RefusedAsync(tenant, 412, "version_conflict", () => _fixture.SendAsync(HttpMethod.Put, $"/ehr/{ehr}/composition/{objectId}", tenant, VitalSigns(1), "application/json",
            IfMatch($"{objectId}::{EhrServerFixture.SystemId}::7")));
        await RefusedAsync(tenant, 422, "invalid_composition", () => _fixture.SendAsync(HttpMethod.Put, $"/ehr/{ehr}/composition/{objectId}", tenant, outOfRange, "application/json", IfMatch(v1)));
        await RefusedAsync(tenant, 404, "composition_not_found", () => _fixture.SendAsync(HttpMethod.Delete, $"/ehr/{ehr}/composition/{objectId}::{EhrServerFixture.SystemId}::5", tenant));
        await RefusedAsync(tenant, 409, "subject_has_ehr", () => Send(HttpMethod.Post, "/ehr", tenant, Encoding.UTF8.GetBytes(subject)));
        await RefusedAsync(tenant, 409, "ehr_exists", () => _fixture.SendAsync(HttpMethod.Put, $"/ehr/{ehr}", tenant));
        await RefusedAsync(tenant, 400, "invalid_ehr_status", () => Send(HttpMethod.Post, "/ehr", tenant, Encoding.UTF8.GetBytes("""{"_type":"EHR_STATUS","is_modifiable":true}""")));
        await RefusedAsync(tenant, 400, "if_match_required", () => Send(HttpMethod.Put, $"/ehr/{ehr}/ehr_status", tenant, Encoding.UTF8.GetBytes(subject)));
    }

    private Task<HttpResponseMessage> Send(HttpMethod method, string path, string tenant, byte[] body) =>
        _fixture.SendAsync(method, path, tenant, body, "application/json");

    /// <summary>Sends a request that must be refused, and checks that it wrote nothing but its audit record.</summary>
    private async Task RefusedAsync(string tenant, int status, string code, Func<Task<HttpResponseMessage>> send)
    {
        var before = await _fixture.CountRowsAsync(tenant);
        using (var response = await send())
        {
            await ErrorBody.ReadAsync(response, status, code);
        }
        var after = await _fixture.CountRowsAsync(tenant);
        Assert.All(EhrServerFixture.DataTables, table => Assert.True(before[table] == after[table], $"{code}: {table} {before[table]} → {after[table]}"));
        Assert.Equal(before["audit_event"] + 1, after["audit_event"]);
        var last = (await _fixture.QueryAsync(
            "SELECT outcome || ' ' || status || ' ' || coalesce(details, '') FROM audit_event WHERE tenant_id = @t ORDER BY event_id DESC LIMIT 1", ("t", tenant))).Single()!;
        Assert.StartsWith($"refused {status} ", last);
        Assert.Contains($"{code}: ", last);
    }
}
