using System.Net;
using System.Text.Json;
using Fkj.Cdr.Server.Tests.Ehr;
using static Fkj.Cdr.Server.Tests.Query.QueryData;

namespace Fkj.Cdr.Server.Tests.Query;

/// <summary>
/// Queries that must be refused over REST: the EHRbase invalid-query fixtures, and broken and hostile texts. Each
/// answer is a 400 whose issue gives the line and column, never a 500.
/// </summary>
[Collection(EhrServerCollection.Name)]
public sealed class AqlRefusalTests
{
    private const string InvalidFolder = "openehr/ehrbase-integration-tests/query/aql_queries_invalid";

    private readonly EhrServerFixture _fixture;

    public AqlRefusalTests(EhrServerFixture fixture) => _fixture = fixture;

    public static TheoryData<string> InvalidFixtures()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Fixtures.Path(InvalidFolder), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Fixtures.Path(InvalidFolder), file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(InvalidFixtures))]
    public async Task EveryInvalidFixtureQueryIs400WithItsPlace(string file)
    {
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(Fixtures.Path(InvalidFolder, file)));
        var q = document.RootElement.GetProperty("q").GetString()!;
        await AssertRefusedWithPlaceAsync(q);
    }

    [Theory]
    [InlineData("SELECT")]
    [InlineData("SELECT e/ehr_id/value FROM EHR e WHERE")]
    [InlineData("SELECT e/ehr_id/value FROM EHR x")]
    [InlineData("SELECT o/data[at0001]/no_such_attribute FROM EHR e CONTAINS OBSERVATION o")]
    [InlineData("SELECT c FROM EHR e CONTAINS COMPOSITION c WHERE c/name/value = 'unterminated")]
    [InlineData("SELECT c FROM EHR e CONTAINS COMPOSITION c LIMIT 99999999999999999999999")]
    [InlineData("SELECT c FROM EHR e CONTAINS COMPOSITION c\u0000")]
    [InlineData("SELECT c FROM EHR e CONTAINS ((((((((((((((((((((((((((((((COMPOSITION c")]
    public async Task BrokenQueriesAre400WithTheirPlace(string q) => await AssertRefusedWithPlaceAsync(q);

    private async Task AssertRefusedWithPlaceAsync(string q)
    {
        var tenant = await _fixture.VitalSignsTenantAsync();
        var (status, body) = await PostAsync(_fixture, tenant, q);
        Assert.True(status == HttpStatusCode.BadRequest, $"{(int)status} for {q}: {body}");
        Assert.Equal("invalid_aql", body.GetProperty("code").GetString());
        var issue = body.GetProperty("issues").EnumerateArray().First();
        Assert.True(issue.GetProperty("line").GetInt64() >= 1, body.ToString());
        Assert.True(issue.GetProperty("column").GetInt64() >= 1, body.ToString());
    }
}
