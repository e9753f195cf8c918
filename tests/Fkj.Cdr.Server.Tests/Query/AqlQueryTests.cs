using System.Globalization;
using System.Net;
using System.Text.Json;
using Fkj.Cdr.Server.Tests.Ehr;
using static Fkj.Cdr.Server.Tests.Query.QueryData;

namespace Fkj.Cdr.Server.Tests.Query;

/// <summary>
/// <c>POST /openehr/v1/query/aql</c> over vital-signs compositions the tests commit: every expected answer is
/// computed from the values committed (<see cref="QueryData"/>), never from the engine.
/// </summary>
[Collection(EhrServerCollection.Name)]
public sealed class AqlQueryTests
{
    private const string Bp = "openEHR-EHR-OBSERVATION.blood_pressure.v2";
    private const string Systolic = "o/data[at0001]/events[at0006]/data[at0003]/items[at0004]/value/magnitude";
    private const string PulseRate = "p/data[at0002]/events[at0003]/data[at0001]/items[at0004]/value/magnitude";

    private readonly EhrServerFixture _fixture;

    public AqlQueryTests(EhrServerFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task PerEhrValuesAreOrderedAndPaged()
    {
        var data = await OfAsync(_fixture);
        var (ehr, committed) = data.Ehrs.First();
        var q = $"SELECT {Systolic} AS systolic FROM EHR e[ehr_id/value = $ehr] CONTAINS COMPOSITION c CONTAINS OBSERVATION o[{Bp}] ORDER BY systolic DESC";
        var rows = await RowsAsync(_fixture, data.Tenant, q, new { ehr });
        Assert.Equal(committed.Select(c => c.Systolic).OrderDescending(), rows.Select(r => r[0].GetDouble()));

        var page = await RowsAsync(_fixture, data.Tenant, q + " LIMIT 2 OFFSET 1", new { ehr });
        Assert.Equal(committed.Select(c => c.Systolic).OrderDescending().Skip(1).Take(2), page.Select(r => r[0].GetDouble()));

        var fetched = await RowsAsync(_fixture, data.Tenant, q, new { ehr }, offset: 1, fetch: 1);
        Assert.Equal(committed.Select(c => c.Systolic).OrderDescending().Skip(1).Take(1), fetched.Select(r => r[0].GetDouble()));
    }

    [Fact]
    public async Task ResultSetHasTheItsRestShape()
    {
        var data = await OfAsync(_fixture);
        var q = $"SELECT e/ehr_id/value, {Systolic} FROM EHR e CONTAINS COMPOSITION c CONTAINS OBSERVATION o[{Bp}]";
        var (status, body) = await PostAsync(_fixture, data.Tenant, q);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("RESULTSET", body.GetProperty("meta").GetProperty("_type").GetString());
        Assert.Equal(q, body.GetProperty("meta").GetProperty("_executed_aql").GetString());
        Assert.Equal(q, body.GetProperty("q").GetString());
        var columns = body.GetProperty("columns").EnumerateArray().ToList();
        Assert.Equal(["#0", "#1"], columns.Select(c => c.GetProperty("name").GetString()));
        Assert.Equal("/ehr_id/value", columns[0].GetProperty("path").GetString());
        var rows = body.GetProperty("rows").EnumerateArray()
            .Select(r => (r[0].GetString()!, r[1].GetDouble())).OrderBy(r => r.Item1).ThenBy(r => r.Item2).ToList();
        var expected = data.Ehrs.SelectMany(e => e.Value.Select(c => (e.Key, c.Systolic))).OrderBy(r => r.Key).ThenBy(r => r.Systolic).ToList();
        Assert.Equal(expected, rows);
    }

    [Fact]
    public async Task WhereComparesTypedValuesAndCountsAggregate()
    {
        var data = await OfAsync(_fixture);
        var rows = await RowsAsync(_fixture, data.Tenant,
            $"SELECT c/uid/value, {Systolic} FROM EHR e CONTAINS COMPOSITION c CONTAINS OBSERVATION o[{Bp}] WHERE {Systolic} > 140");
        Assert.Equal(data.All.Where(c => c.Systolic > 140).Select(c => c.VersionUid).Order(), rows.Select(r => r[0].GetString()!).Order());

        var count = await RowsAsync(_fixture, data.Tenant,
            $"SELECT COUNT(DISTINCT e/ehr_id/value) AS n, MAX({Systolic}) AS highest, MIN({Systolic}) AS lowest FROM EHR e CONTAINS COMPOSITION c CONTAINS OBSERVATION o[{Bp}] WHERE {Systolic} >= $threshold",
            new { threshold = 140 });
        var high = data.Ehrs.Where(e => e.Value.Any(c => c.Systolic >= 140)).ToList();
        Assert.Equal(high.Count, count.Single()[0].GetInt64());
        Assert.Equal(data.All.Where(c => c.Systolic >= 140).Max(c => c.Systolic), count.Single()[1].GetDouble());
        Assert.Equal(data.All.Where(c => c.Systolic >= 140).Min(c => c.Systolic), count.Single()[2].GetDouble());
    }

    [Fact]
    public async Task SeveralObservationsOfOneCompositionCombine()
    {
        var data = await OfAsync(_fixture);
        var rows = await RowsAsync(_fixture, data.Tenant,
            $"SELECT c/uid/value, {Systolic}, {PulseRate} FROM EHR e CONTAINS COMPOSITION c CONTAINS (OBSERVATION o[{Bp}] AND OBSERVATION p[openEHR-EHR-OBSERVATION.pulse.v2]) " +
            $"WHERE {PulseRate} < 90 AND NOT ({Systolic} = 120)");
        var expected = data.All.Where(c => c.Pulse < 90 && c.Systolic != 120).Select(c => (c.VersionUid, c.Systolic, c.Pulse)).Order().ToList();
        Assert.Equal(expected, rows.Select(r => (r[0].GetString()!, r[1].GetDouble(), r[2].GetDouble())).Order().ToList());
    }

    [Fact]
    public async Task DatesCompareAsInstantsAndReadBackAsWritten()
    {
        var data = await OfAsync(_fixture);
        var rows = await RowsAsync(_fixture, data.Tenant,
            "SELECT c/context/start_time/value AS start FROM EHR e CONTAINS COMPOSITION c[openEHR-EHR-COMPOSITION.encounter.v1] " +
            "WHERE c/context/start_time/value >= '2024-02-01' AND c/context/start_time/value < '2024-03-31T00:00:00+02:00' ORDER BY c/context/start_time/value");
        var from = DateTimeOffset.Parse("2024-02-01T00:00:00Z", CultureInfo.InvariantCulture);
        var to = DateTimeOffset.Parse("2024-03-31T00:00:00+02:00", CultureInfo.InvariantCulture);
        var expected = data.All.Select(c => c.StartTime).Where(s => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture) >= from && DateTimeOffset.Parse(s, CultureInfo.InvariantCulture) < to)
            .OrderBy(s => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, rows.Select(r => r[0].GetString()));
    }

    [Fact]
    public async Task WholeObjectsComeFromTheDocument()
    {
        var data = await OfAsync(_fixture);
        var (ehr, committed) = data.Ehrs.Last();
        var rows = await RowsAsync(_fixture, data.Tenant,
            $"SELECT c, o/data[at0001]/events[at0006]/data[at0003]/items[at0004]/value, o/name/value FROM EHR e[ehr_id/value = '{ehr}'] CONTAINS COMPOSITION c CONTAINS OBSERVATION o[{Bp}]");
        Assert.Equal(committed.Count, rows.Count);
        foreach (var row in rows)
        {
            var composition = row[0];
            Assert.Equal("COMPOSITION", composition.GetProperty("_type").GetString());
            var uid = composition.GetProperty("uid").GetProperty("value").GetString();
            var expected = committed.Single(c => c.VersionUid == uid);
            Assert.Equal("DV_QUANTITY", row[1].GetProperty("_type").GetString());
            Assert.Equal(expected.Systolic, row[1].GetProperty("magnitude").GetDouble());
            Assert.Equal("mm[Hg]", row[1].GetProperty("units").GetString());
            var observation = composition.GetProperty("content").EnumerateArray().First(c => c.GetProperty("archetype_node_id").GetString() == Bp);
            Assert.Equal(observation.GetProperty("name").GetProperty("value").GetString(), row[2].GetString());
        }
    }

    [Fact]
    public async Task ContainmentWithOrAndNotContains()
    {
        var data = await OfAsync(_fixture);
        var total = data.All.Count();
        var withEither = await RowsAsync(_fixture, data.Tenant,
            $"SELECT c/uid/value FROM EHR e CONTAINS COMPOSITION c CONTAINS (OBSERVATION o[{Bp}] OR OBSERVATION x[openEHR-EHR-OBSERVATION.no_such.v1])");
        Assert.Equal(total, withEither.Count);
        var without = await RowsAsync(_fixture, data.Tenant,
            $"SELECT c/uid/value FROM EHR e CONTAINS COMPOSITION c NOT CONTAINS OBSERVATION o[{Bp}]");
        Assert.Empty(without);
        var withoutMissing = await RowsAsync(_fixture, data.Tenant,
            "SELECT c/uid/value FROM EHR e CONTAINS COMPOSITION c NOT CONTAINS OBSERVATION x[openEHR-EHR-OBSERVATION.no_such.v1]");
        Assert.Equal(data.All.Select(c => c.VersionUid).Order(), withoutMissing.Select(r => r[0].GetString()!).Order());
        var ehrs = await RowsAsync(_fixture, data.Tenant, "SELECT e/ehr_id/value FROM EHR e");
        Assert.Equal(data.Ehrs.Keys.Append(data.EmptyEhr).Order(), ehrs.Select(r => r[0].GetString()!).Order());
    }

    [Fact]
    public async Task ExistsLikeAndMatches()
    {
        var data = await OfAsync(_fixture);
        var baseQuery = $"SELECT {Systolic} FROM EHR e CONTAINS COMPOSITION c CONTAINS OBSERVATION o[{Bp}] WHERE ";
        var exists = await RowsAsync(_fixture, data.Tenant, baseQuery + $"EXISTS {Systolic}");
        Assert.Equal(data.All.Count(), exists.Count);
        // No normal range was committed: NOT EXISTS keeps every row.
        var notExists = await RowsAsync(_fixture, data.Tenant, baseQuery + "NOT EXISTS o/data[at0001]/events[at0006]/data[at0003]/items[at0004]/value/normal_range");
        Assert.Equal(data.All.Count(), notExists.Count);
        // An element the template does not have is an impossible path, refused rather than answered with nothing.
        var (impossible, error) = await PostAsync(_fixture, data.Tenant, baseQuery + "NOT EXISTS o/data[at0001]/events[at0006]/data[at0003]/items[at9999]/value");
        Assert.Equal(HttpStatusCode.BadRequest, impossible);
        Assert.Equal("invalid_aql", error.GetProperty("code").GetString());
        var matches = await RowsAsync(_fixture, data.Tenant, baseQuery + $"{Systolic} MATCHES {{120, 165, 1000}}");
        Assert.Equal(data.All.Where(c => c.Systolic is 120 or 165).Select(c => c.Systolic).Order(), matches.Select(r => r[0].GetDouble()).Order());
        var unit = await RowsAsync(_fixture, data.Tenant, baseQuery + "o/data[at0001]/events[at0006]/data[at0003]/items[at0004]/value/units LIKE 'mm[*'");
        Assert.Equal(data.All.Count(), unit.Count);
        var noUnit = await RowsAsync(_fixture, data.Tenant, baseQuery + "o/data[at0001]/events[at0006]/data[at0003]/items[at0004]/value/units LIKE 'mm?Hg'");
        Assert.Empty(noUnit);
    }

    [Fact]
    public async Task OnlyLatestVersionsAreQueried()
    {
        var tenant = await _fixture.VitalSignsTenantAsync();
        var ehr = await _fixture.CreateEhrAsync(tenant);
        var uid = await _fixture.CommitAsync(tenant, ehr, QueryData.VitalSigns(111, 60, "2024-05-01T10:00:00Z"));
        using (var update = await _fixture.SendAsync(HttpMethod.Put, $"/ehr/{ehr}/composition/{uid.Split("::")[0]}", tenant,
                   EhrTestData.VitalSigns(177, uid), "application/json", EhrTestData.IfMatch(uid)))
        {
            Assert.True(update.IsSuccessStatusCode, $"update: {(int)update.StatusCode}");
        }
        var rows = await RowsAsync(_fixture, tenant, $"SELECT {Systolic} FROM EHR e CONTAINS COMPOSITION c CONTAINS OBSERVATION o[{Bp}]");
        Assert.Equal([177.0], rows.Select(r => r[0].GetDouble()));
        var all = await RowsAsync(_fixture, tenant, $"SELECT {Systolic} FROM EHR e CONTAINS VERSION v[ALL_VERSIONS] CONTAINS COMPOSITION c CONTAINS OBSERVATION o[{Bp}]");
        Assert.Equal([111.0, 177.0], all.Select(r => r[0].GetDouble()).Order());
    }

    [Fact]
    public async Task AnotherTenantSeesNothing()
    {
        var data = await OfAsync(_fixture);
        var other = await _fixture.VitalSignsTenantAsync();
        var rows = await RowsAsync(_fixture, other, $"SELECT {Systolic} FROM EHR e CONTAINS COMPOSITION c CONTAINS OBSERVATION o[{Bp}]");
        Assert.Empty(rows);
        Assert.NotEmpty(await RowsAsync(_fixture, data.Tenant, $"SELECT {Systolic} FROM EHR e CONTAINS COMPOSITION c CONTAINS OBSERVATION o[{Bp}]"));
    }

    [Fact]
    public async Task ErrorsAre400WithAPosition()
    {
        var data = await OfAsync(_fixture);
        var (status, body) = await PostAsync(_fixture, data.Tenant, "SELECT c FROM COMPOSITION c WHERE");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_aql", body.GetProperty("code").GetString());
        var issue = body.GetProperty("issues")[0];
        Assert.Equal(1, issue.GetProperty("line").GetInt32());
        Assert.Equal(34, issue.GetProperty("column").GetInt32()); // the end of the query, after WHERE

        (status, body) = await PostAsync(_fixture, data.Tenant, $"SELECT o/data[at0001]/events[at0006]/magnitude FROM COMPOSITION c CONTAINS OBSERVATION o[{Bp}]");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_aql", body.GetProperty("code").GetString());
        Assert.Contains("'magnitude' is not an attribute", body.GetProperty("message").GetString());
        Assert.Equal(38, body.GetProperty("issues")[0].GetProperty("column").GetInt32()); // at "magnitude"

        (status, body) = await PostAsync(_fixture, data.Tenant, "SELECT c FROM COMPOSITON c");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("COMPOSITON", body.GetProperty("message").GetString());

        (status, body) = await PostAsync(_fixture, data.Tenant, $"SELECT {Systolic} FROM EHR e[ehr_id/value = $ehr] CONTAINS COMPOSITION c CONTAINS OBSERVATION o[{Bp}]");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("aql_parameter_missing", body.GetProperty("code").GetString());

        (status, body) = await PostAsync(_fixture, data.Tenant, $"SELECT {Systolic} FROM EHR e CONTAINS COMPOSITION c CONTAINS OBSERVATION o[{Bp}] WHERE {Systolic} > 'high'");
        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task GetRunsTheSameQuery()
    {
        var data = await OfAsync(_fixture);
        var (ehr, committed) = data.Ehrs.First();
        var q = $"SELECT {Systolic} FROM EHR e[ehr_id/value = $ehr_id] CONTAINS COMPOSITION c CONTAINS OBSERVATION o[{Bp}]";
        using var response = await _fixture.SendAsync(HttpMethod.Get, $"/query/aql?q={Uri.EscapeDataString(q)}&ehr_id={ehr}", data.Tenant);
        var body = await EhrTestData.JsonAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(committed.Select(c => c.Systolic).Order(), body.GetProperty("rows").EnumerateArray().Select(r => r[0].GetDouble()).Order());
    }

    [Fact]
    public async Task ExplainShowsParameterisedSqlAndThePlan()
    {
        var data = await OfAsync(_fixture);
        var q = $"SELECT {Systolic} FROM EHR e CONTAINS COMPOSITION c CONTAINS OBSERVATION o[{Bp}] WHERE {Systolic} > 147.25 AND c/name/value = 'Sekret'";
        var (status, body) = await PostAsync(_fixture, data.Tenant, q, query: "?explain=true");
        Assert.Equal(HttpStatusCode.OK, status);
        var sql = body.GetProperty("sql").GetString()!;
        Assert.DoesNotContain("147.25", sql);
        Assert.DoesNotContain("Sekret", sql);
        Assert.DoesNotContain(Bp, sql);
        Assert.Contains("tenant_id = @tenant", sql);
        Assert.Equal(JsonValueKind.Array, body.GetProperty("plan").ValueKind);
        Assert.True(body.GetProperty("plan")[0].GetProperty("Plan").TryGetProperty("Actual Rows", out _));
    }

    [Fact]
    public async Task EveryQueryIsAuditedWithItsTextAndEhrCount()
    {
        var data = await OfAsync(_fixture);
        var marker = Guid.NewGuid().ToString("N");
        var q = $"SELECT {Systolic} AS s_{marker} FROM EHR e CONTAINS COMPOSITION c CONTAINS OBSERVATION o[{Bp}]";
        await RowsAsync(_fixture, data.Tenant, q);
        var details = await _fixture.QueryAsync("SELECT details FROM audit_event WHERE tenant_id = @t AND action = 'query.aql' AND details LIKE @m",
            ("t", data.Tenant), ("m", $"%{marker}%"));
        var record = Assert.Single(details);
        Assert.Contains($"ehrs: {data.Ehrs.Count}", record);
        Assert.Contains($"rows: {data.All.Count()}", record);
    }
}
