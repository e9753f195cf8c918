using System.Net;
using System.Text;
using static Fkj.Cdr.Server.Tests.Ehr.EhrTestData;

namespace Fkj.Cdr.Server.Tests.Ehr;

/// <summary>
/// Tenant A cannot read, update, delete, find or query tenant B's EHR, status or compositions, with data in both:
/// to A they do not exist (404, or no rows), and B's data is unchanged afterwards.
/// </summary>
[Collection(EhrServerCollection.Name)]
public sealed class TenantIsolationTests
{
    private readonly EhrServerFixture _fixture;

    public TenantIsolationTests(EhrServerFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task ATenantCannotReachAnotherTenantsRecords()
    {
        var a = await _fixture.VitalSignsTenantAsync();
        var b = await _fixture.VitalSignsTenantAsync();
        var subject = """{"_type":"EHR_STATUS","archetype_node_id":"openEHR-EHR-EHR_STATUS.generic.v1","name":{"value":"EHR Status"},"subject":{"external_ref":{"id":{"_type":"GENERIC_ID","value":"same-person","scheme":"x"},"namespace":"folkeregisteret","type":"PERSON"}},"is_modifiable":true,"is_queryable":true}""";
        var ehrA = await CreateWithSubjectAsync(a, subject);
        var ehrB = await CreateWithSubjectAsync(b, subject); // the same subject may have an EHR in each tenant
        var uidA = await _fixture.CommitAsync(a, ehrA, VitalSigns(101));
        var uidB = await _fixture.CommitAsync(b, ehrB, VitalSigns(202));
        var objectB = uidB.Split("::")[0];
        var statusB = await StatusUidAsync(b, ehrB);
        var beforeB = await _fixture.CountRowsAsync(b);

        // From tenant A, everything of B's is unknown: the EHR, its status, its compositions and their versions.
        await NotFoundAsync(a, HttpMethod.Get, $"/ehr/{ehrB}", "ehr_not_found");
        await NotFoundAsync(a, HttpMethod.Get, $"/ehr/{ehrB}/ehr_status", "ehr_not_found");
        await NotFoundAsync(a, HttpMethod.Get, $"/ehr/{ehrB}/ehr_status/{statusB}", "ehr_not_found");
        await NotFoundAsync(a, HttpMethod.Put, $"/ehr/{ehrB}/ehr_status", "ehr_not_found", Encoding.UTF8.GetBytes(subject), IfMatch(statusB));
        await NotFoundAsync(a, HttpMethod.Get, $"/ehr/{ehrB}/composition/{uidB}", "ehr_not_found");
        await NotFoundAsync(a, HttpMethod.Get, $"/ehr/{ehrB}/composition/{objectB}", "ehr_not_found");
        await NotFoundAsync(a, HttpMethod.Get, $"/ehr/{ehrA}/composition/{uidB}", "composition_not_found");
        await NotFoundAsync(a, HttpMethod.Put, $"/ehr/{ehrB}/composition/{objectB}", "ehr_not_found", VitalSigns(1), IfMatch(uidB));
        await NotFoundAsync(a, HttpMethod.Put, $"/ehr/{ehrA}/composition/{objectB}", "composition_not_found", VitalSigns(1), IfMatch(uidB));
        await NotFoundAsync(a, HttpMethod.Delete, $"/ehr/{ehrB}/composition/{uidB}", "ehr_not_found");
        await NotFoundAsync(a, HttpMethod.Delete, $"/ehr/{ehrA}/composition/{uidB}", "composition_not_found");
        await NotFoundAsync(a, HttpMethod.Get, $"/ehr/{ehrB}/versioned_composition/{objectB}/revision_history", "ehr_not_found");
        await NotFoundAsync(a, HttpMethod.Get, $"/ehr/{ehrB}/audit", "ehr_not_found");
        await NotFoundAsync(a, HttpMethod.Post, $"/ehr/{ehrB}/composition", "ehr_not_found", VitalSigns());

        // The subject search finds A's own EHR for the subject, never B's.
        using (var bySubject = await _fixture.SendAsync(HttpMethod.Get, "/ehr?subject_id=same-person&subject_namespace=folkeregisteret", a))
        {
            Assert.Equal(ehrA, (await JsonAsync(bySubject)).GetProperty("ehr_id").GetProperty("value").GetString());
        }

        // AQL in A finds none of B's data: not by B's EHR id, not across the population.
        const string pressures = "SELECT e/ehr_id/value AS ehr, o/data[at0001]/events[at0006]/data[at0003]/items[at0004]/value/magnitude AS systolic " +
            "FROM EHR e CONTAINS COMPOSITION c CONTAINS OBSERVATION o[openEHR-EHR-OBSERVATION.blood_pressure.v2]";
        Assert.Empty(await Query.QueryData.RowsAsync(_fixture, a, pressures + " WHERE e/ehr_id/value = $ehr", new { ehr = ehrB }));
        var population = await Query.QueryData.RowsAsync(_fixture, a, pressures);
        Assert.Equal([(ehrA, 101d)], population.Select(r => (r[0].GetString()!, r[1].GetDouble())));
        Assert.Equal([(ehrB, 202d)], (await Query.QueryData.RowsAsync(_fixture, b, pressures)).Select(r => (r[0].GetString()!, r[1].GetDouble())));

        // B's data is as it was, and B still reads it.
        var afterB = await _fixture.CountRowsAsync(b);
        Assert.All(EhrServerFixture.DataTables, table => Assert.Equal(beforeB[table], afterB[table]));
        using (var own = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{ehrB}/composition/{objectB}", b))
        {
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
            Assert.Equal(uidB, EhrServerFixture.VersionUidOf(own));
            Assert.Equal(202, SystolicOf(await own.Content.ReadAsStringAsync()));
        }
        using (var ownA = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{ehrA}/composition/{uidA}", a))
        {
            Assert.Equal(101, SystolicOf(await ownA.Content.ReadAsStringAsync()));
        }

        // Even row-level security alone holds: a query without a tenant filter, in A's transaction, sees none of B's rows.
        var database = _fixture.Server.Database.Database!;
        await using var tx = await database.BeginAsync(a);
        foreach (var table in EhrServerFixture.DataTables.Append("audit_event"))
        {
            await using var command = tx.Command($"SELECT count(*) FROM {table} WHERE tenant_id <> @a");
            command.Parameters.AddWithValue("a", a);
            Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
        }
    }

    [Fact]
    public async Task AnEhrIdOfAnotherTenantIsNotRevealed()
    {
        var a = await _fixture.NewTenantAsync("iso");
        var b = await _fixture.NewTenantAsync("iso");
        var ehrB = await _fixture.CreateEhrAsync(b);
        // PUT /ehr/{id} in A with B's id: A gets an EHR of its own under that id (no 409 that would reveal B's).
        using var created = await _fixture.SendAsync(HttpMethod.Put, $"/ehr/{ehrB}", a);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var again = await _fixture.SendAsync(HttpMethod.Put, $"/ehr/{ehrB}", a);
        await ErrorBody.ReadAsync(again, 409, "ehr_exists");
        var statusA = await StatusUidAsync(a, ehrB);
        var statusB = await StatusUidAsync(b, ehrB);
        Assert.NotEqual(statusA, statusB);
    }

    private async Task<string> CreateWithSubjectAsync(string tenant, string status)
    {
        using var response = await _fixture.SendAsync(HttpMethod.Post, "/ehr", tenant, Encoding.UTF8.GetBytes(status), "application/json", Prefer("identifier"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await JsonAsync(response)).GetProperty("uid").GetString()!;
    }

    private async Task<string> StatusUidAsync(string tenant, string ehr)
    {
        using var response = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{ehr}/ehr_status", tenant);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return EhrServerFixture.VersionUidOf(response);
    }

    private async Task NotFoundAsync(string tenant, HttpMethod method, string path, string code, byte[]? body = null, params (string, string)[] headers)
    {
        using var response = await _fixture.SendAsync(method, path, tenant, body, body is null ? null : "application/json", headers);
        await ErrorBody.ReadAsync(response, 404, code);
    }
}
