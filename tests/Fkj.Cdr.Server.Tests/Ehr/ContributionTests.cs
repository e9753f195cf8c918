using System.Net;
using static Fkj.Cdr.Server.Tests.Ehr.EhrTestData;

namespace Fkj.Cdr.Server.Tests.Ehr;

/// <summary>Every commit is a CONTRIBUTION, readable with its audit and the versions it made.</summary>
[Collection(EhrServerCollection.Name)]
public sealed class ContributionTests
{
    private readonly EhrServerFixture _fixture;

    public ContributionTests(EhrServerFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task ACommitsContributionIsReadBack()
    {
        var tenant = await _fixture.VitalSignsTenantAsync();
        var ehr = await _fixture.CreateEhrAsync(tenant);
        var uid = await _fixture.CommitAsync(tenant, ehr, VitalSigns());
        var objectId = uid.Split("::")[0];
        using var version = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{ehr}/versioned_composition/{objectId}/version/{uid}", tenant);
        var contributionId = (await JsonAsync(version)).GetProperty("contribution").GetProperty("id").GetProperty("value").GetString();

        using var response = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{ehr}/contribution/{contributionId}", tenant);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.Empty(ItsRestOpenApi.Validate(ItsRestOpenApi.Ehr, "Contribution", text));
        var contribution = Json(text);
        Assert.Equal(contributionId, contribution.GetProperty("uid").GetProperty("value").GetString());
        Assert.Equal(uid, contribution.GetProperty("versions")[0].GetProperty("id").GetProperty("value").GetString());
        Assert.Equal("249", contribution.GetProperty("audit").GetProperty("change_type").GetProperty("defining_code").GetProperty("code_string").GetString());

        using var unknown = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{ehr}/contribution/{Guid.NewGuid():D}", tenant);
        await ErrorBody.ReadAsync(unknown, 404, "contribution_not_found");
        var other = await _fixture.NewTenantAsync("ctb");
        using var elsewhere = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{ehr}/contribution/{contributionId}", other);
        await ErrorBody.ReadAsync(elsewhere, 404, "ehr_not_found");
    }
}
