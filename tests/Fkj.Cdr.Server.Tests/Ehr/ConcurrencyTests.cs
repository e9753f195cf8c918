using System.Net;
using System.Text;
using static Fkj.Cdr.Server.Tests.Ehr.EhrTestData;

namespace Fkj.Cdr.Server.Tests.Ehr;

/// <summary>
/// Optimistic concurrency: two clients that update the same composition (or EHR_STATUS) from the same version at
/// the same moment: exactly one gets 200, the other 412, round after round; no version is lost or doubled.
/// </summary>
[Collection(EhrServerCollection.Name)]
public sealed class ConcurrencyTests
{
    public const int Rounds = 40;

    private readonly EhrServerFixture _fixture;

    public ConcurrencyTests(EhrServerFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task OfTwoUpdatesFromTheSameVersionExactlyOneWins()
    {
        var tenant = await _fixture.VitalSignsTenantAsync();
        var ehr = await _fixture.CreateEhrAsync(tenant);
        var latest = await _fixture.CommitAsync(tenant, ehr, VitalSigns());
        var objectId = latest.Split("::")[0];
        using var second = new HttpClient { BaseAddress = _fixture.Server.BaseAddress };
        var bodies = new[] { VitalSigns(111), VitalSigns(122) };

        for (var round = 0; round < Rounds; round++)
        {
            var ifMatch = latest;
            var responses = await Task.WhenAll(
                Put(_fixture.Client, bodies[0], ifMatch),
                Put(second, bodies[1], ifMatch));
            var statuses = responses.Select(r => (int)r.StatusCode).Order().ToArray();
            Assert.True(statuses.SequenceEqual([200, 412]), $"round {round}: {string.Join(", ", statuses)}");
            var winner = responses.Single(r => r.StatusCode == HttpStatusCode.OK);
            var loser = responses.Single(r => r.StatusCode == HttpStatusCode.PreconditionFailed);
            latest = EhrServerFixture.VersionUidOf(winner);
            Assert.Equal($"{objectId}::{EhrServerFixture.SystemId}::{round + 2}", latest);
            Assert.Equal(latest, EhrServerFixture.VersionUidOf(loser)); // the loser learns the winner's version
            foreach (var response in responses) response.Dispose();
        }

        var versions = await _fixture.QueryAsync(
            "SELECT string_agg(version::text, ',' ORDER BY version) FROM object_version WHERE tenant_id = @t AND object_id = @o", ("t", tenant), ("o", Guid.Parse(objectId)));
        Assert.Equal(string.Join(',', Enumerable.Range(1, Rounds + 1)), versions.Single());
        var latestRow = await _fixture.QueryAsync("SELECT version FROM latest_version WHERE tenant_id = @t AND object_id = @o", ("t", tenant), ("o", Guid.Parse(objectId)));
        Assert.Equal((Rounds + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), latestRow.Single());

        Task<HttpResponseMessage> Put(HttpClient client, byte[] body, string ifMatch)
        {
            var request = new HttpRequestMessage(HttpMethod.Put, $"{EhrServerFixture.Base}/ehr/{ehr}/composition/{objectId}") { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new("application/json");
            request.Headers.Add("X-Tenant", tenant);
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{ifMatch}\"");
            request.Headers.TryAddWithoutValidation("Prefer", "return=representation");
            return client.SendAsync(request);
        }
    }

    [Fact]
    public async Task OfTwoStatusUpdatesFromTheSameVersionExactlyOneWins()
    {
        var tenant = await _fixture.NewTenantAsync("cc");
        var ehr = await _fixture.CreateEhrAsync(tenant);
        using var first = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{ehr}/ehr_status", tenant);
        var latest = EhrServerFixture.VersionUidOf(first);
        var body = Encoding.UTF8.GetBytes(await first.Content.ReadAsStringAsync());
        for (var round = 0; round < 10; round++)
        {
            var ifMatch = latest;
            var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
                _fixture.SendAsync(HttpMethod.Put, $"/ehr/{ehr}/ehr_status", tenant, body, "application/json", IfMatch(ifMatch), Prefer("representation"))));
            Assert.Equal([200, 412], responses.Select(r => (int)r.StatusCode).Order());
            latest = EhrServerFixture.VersionUidOf(responses.Single(r => r.StatusCode == HttpStatusCode.OK));
            foreach (var response in responses) response.Dispose();
        }
        Assert.EndsWith("::11", latest);
    }

    [Fact]
    public async Task OfTwoEhrsForOneSubjectCreatedAtOnceOneIsRefused()
    {
        var tenant = await _fixture.NewTenantAsync("cc");
        for (var round = 0; round < 10; round++)
        {
            var body = Encoding.UTF8.GetBytes("""{"_type":"EHR_STATUS","archetype_node_id":"openEHR-EHR-EHR_STATUS.generic.v1","name":{"value":"EHR Status"},"subject":{"external_ref":{"id":{"_type":"GENERIC_ID","value":"p-ROUND","scheme":"x"},"namespace":"ns","type":"PERSON"}},"is_modifiable":true,"is_queryable":true}"""
                .Replace("ROUND", round.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
            var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => _fixture.SendAsync(HttpMethod.Post, "/ehr", tenant, body, "application/json")));
            Assert.Equal([201, 409], responses.Select(r => (int)r.StatusCode).Order());
            foreach (var response in responses) response.Dispose();
        }
        Assert.Equal("10", (await _fixture.QueryAsync("SELECT count(*) FROM ehr WHERE tenant_id = @t", ("t", tenant))).Single());
    }
}
