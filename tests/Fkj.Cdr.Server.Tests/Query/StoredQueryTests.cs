using System.Net;
using System.Text;
using System.Text.Json;
using Fkj.Cdr.Server.Tests.Ehr;
using static Fkj.Cdr.Server.Tests.Query.QueryData;

namespace Fkj.Cdr.Server.Tests.Query;

/// <summary>Stored queries: PUT and GET /definition/query/{name}[/{version}], and running them by name at /query/{name}[/{version}].</summary>
[Collection(EhrServerCollection.Name)]
public sealed class StoredQueryTests
{
    private const string Systolic = "o/data[at0001]/events[at0006]/data[at0003]/items[at0004]/value/magnitude";
    private const string From = "FROM EHR e CONTAINS COMPOSITION c CONTAINS OBSERVATION o[openEHR-EHR-OBSERVATION.blood_pressure.v2]";

    private readonly EhrServerFixture _fixture;

    public StoredQueryTests(EhrServerFixture fixture) => _fixture = fixture;

    private Task<HttpResponseMessage> PutAsync(string tenant, string path, string text) =>
        _fixture.SendAsync(HttpMethod.Put, "/definition/query/" + path, tenant, Encoding.UTF8.GetBytes(text), "text/plain");

    [Fact]
    public async Task StoredVersionsAreListedReadAndRunByName()
    {
        var data = await OfAsync(_fixture);
        var above = $"SELECT {Systolic} {From} WHERE {Systolic} > $limit ORDER BY {Systolic}";
        var below = $"SELECT {Systolic} {From} WHERE {Systolic} < $limit ORDER BY {Systolic}";
        using (var put = await PutAsync(data.Tenant, "org.fkj::systolic/1.0.0", above)) Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        using (var again = await PutAsync(data.Tenant, "org.fkj::systolic/1.0.0", above)) Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        using (var conflict = await PutAsync(data.Tenant, "org.fkj::systolic/1.0.0", below)) Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        using (var next = await PutAsync(data.Tenant, "org.fkj::systolic", below))
        {
            Assert.Equal(HttpStatusCode.Created, next.StatusCode);
            Assert.EndsWith("/definition/query/org.fkj::systolic/1.0.1", next.Headers.Location!.ToString());
        }

        using (var list = await _fixture.SendAsync(HttpMethod.Get, "/definition/query/org.fkj::systolic", data.Tenant))
        {
            var versions = (await EhrTestData.JsonAsync(list)).GetProperty("versions").EnumerateArray().ToList();
            Assert.Equal(["1.0.1", "1.0.0"], versions.Select(v => v.GetProperty("version").GetString()));
            Assert.Equal(above, versions[1].GetProperty("q").GetString());
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(new { query_parameters = new { limit = 140 } });
        using (var runOld = await _fixture.SendAsync(HttpMethod.Post, "/query/org.fkj::systolic/1.0.0", data.Tenant, body, "application/json"))
        {
            var result = await EhrTestData.JsonAsync(runOld);
            Assert.Equal(HttpStatusCode.OK, runOld.StatusCode);
            Assert.Equal("org.fkj::systolic/1.0.0", result.GetProperty("name").GetString());
            Assert.Equal(data.All.Select(c => c.Systolic).Where(s => s > 140).Order(), result.GetProperty("rows").EnumerateArray().Select(r => r[0].GetDouble()));
        }
        using (var runNewest = await _fixture.SendAsync(HttpMethod.Get, "/query/org.fkj::systolic?limit=140", data.Tenant))
        {
            var result = await EhrTestData.JsonAsync(runNewest);
            Assert.Equal(HttpStatusCode.OK, runNewest.StatusCode);
            Assert.Equal(data.All.Select(c => c.Systolic).Where(s => s < 140).Order(), result.GetProperty("rows").EnumerateArray().Select(r => r[0].GetDouble()));
        }
    }

    [Fact]
    public async Task BadDefinitionsAndUnknownNamesAreRefused()
    {
        var data = await OfAsync(_fixture);
        using (var invalid = await PutAsync(data.Tenant, "org.fkj::broken/1.0.0", "SELECT FROM"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
            Assert.Equal("invalid_aql", (await EhrTestData.JsonAsync(invalid)).GetProperty("code").GetString());
        }
        using (var badName = await PutAsync(data.Tenant, "no-namespace/1.0.0", "SELECT c FROM COMPOSITION c")) Assert.Equal(HttpStatusCode.BadRequest, badName.StatusCode);
        using (var badVersion = await PutAsync(data.Tenant, "org.fkj::x/one", "SELECT c FROM COMPOSITION c")) Assert.Equal(HttpStatusCode.BadRequest, badVersion.StatusCode);
        using (var unknown = await _fixture.SendAsync(HttpMethod.Get, "/query/org.fkj::nothing", data.Tenant)) Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        // Another tenant does not see this tenant's stored queries.
        using (await PutAsync(data.Tenant, "org.fkj::mine/1.0.0", "SELECT c FROM COMPOSITION c")) { }
        var other = await _fixture.VitalSignsTenantAsync();
        using (var hidden = await _fixture.SendAsync(HttpMethod.Get, "/definition/query/org.fkj::mine/1.0.0", other)) Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }
}
