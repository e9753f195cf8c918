using System.Net;
using System.Text.Json;

namespace Fkj.Cdr.Server.Tests.Definitions;

/// <summary>The X-Tenant header: which tenant's templates a request sees.</summary>
[Collection(TemplateServerCollection.Name)]
public sealed class TenantTests
{
    private const string Fixture = "openehr/ehrbase-integration-tests/valid_templates/minimal/minimal_evaluation.opt";
    private const string FixtureId = "minimal_evaluation.en.v1";

    private readonly TemplateServerFixture _fixture;

    public TenantTests(TemplateServerFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task AnUnknownTenantIs400UnknownTenant()
    {
        using var response = await _fixture.GetAsync("no-such-tenant", TemplateServerFixture.TemplatesPath);

        var error = await ErrorBody.ReadAsync(response, 400, "unknown_tenant");
        Assert.Contains("'no-such-tenant'", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task AnUnknownTenantCannotUpload()
    {
        using var response = await _fixture.UploadAsync("no-such-tenant", TemplateFixtures.Read(Fixture));

        await ErrorBody.ReadAsync(response, 400, "unknown_tenant");
    }

    [Fact]
    public async Task ATenantCreatedJustNowIsKnownAtOnce()
    {
        var tenant = "fresh-" + Guid.NewGuid().ToString("N")[..8];
        using (var before = await _fixture.GetAsync(tenant, TemplateServerFixture.TemplatesPath))
        {
            Assert.Equal(HttpStatusCode.BadRequest, before.StatusCode);
        }

        await _fixture.Server.CreateTenantAsync(tenant);

        using var after = await _fixture.GetAsync(tenant, TemplateServerFixture.TemplatesPath);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task TenantBCannotSeeTenantAsTemplates()
    {
        var a = await _fixture.NewTenantAsync("a");
        var b = await _fixture.NewTenantAsync("b");
        using (var upload = await _fixture.UploadAsync(a, TemplateFixtures.Read(Fixture)))
        {
            Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        }

        using (var list = await _fixture.GetAsync(b, TemplateServerFixture.TemplatesPath))
        {
            Assert.Equal("[]", await list.Content.ReadAsStringAsync());
        }
        using (var get = await _fixture.GetAsync(b, TemplateServerFixture.TemplatePath(FixtureId)))
        {
            await ErrorBody.ReadAsync(get, 404, "template_not_found");
        }
        using (var example = await _fixture.GetAsync(b, TemplateServerFixture.TemplatePath(FixtureId) + "/example"))
        {
            await ErrorBody.ReadAsync(example, 404, "template_not_found");
        }

        // B's own template of that id is B's, whatever A has.
        var other = TemplateFixtures.Read(Fixture).Concat("\n"u8.ToArray()).ToArray();
        using (var upload = await _fixture.UploadAsync(b, other))
        {
            Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        }
        using var inA = await _fixture.GetAsync(a, TemplateServerFixture.TemplatePath(FixtureId));
        Assert.Equal(TemplateFixtures.Read(Fixture), await inA.Content.ReadAsByteArrayAsync());
        using var inB = await _fixture.GetAsync(b, TemplateServerFixture.TemplatePath(FixtureId));
        Assert.Equal(other, await inB.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task WithoutTheHeaderTheTenantIsDefault()
    {
        using var withHeader = await _fixture.GetAsync("default", TemplateServerFixture.TemplatesPath);
        using var without = await _fixture.GetAsync(null, TemplateServerFixture.TemplatesPath);

        Assert.Equal(HttpStatusCode.OK, without.StatusCode);
        using var a = JsonDocument.Parse(await withHeader.Content.ReadAsStringAsync());
        using var b = JsonDocument.Parse(await without.Content.ReadAsStringAsync());
        Assert.Equal(
            a.RootElement.EnumerateArray().Select(t => t.GetProperty("template_id").GetString()),
            b.RootElement.EnumerateArray().Select(t => t.GetProperty("template_id").GetString()));
    }

    [Fact]
    public async Task TwoTenantHeadersAre400()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, TemplateServerFixture.TemplatesPath);
        request.Headers.Add("X-Tenant", ["default", "other"]);

        using var response = await _fixture.Client.SendAsync(request);

        await ErrorBody.ReadAsync(response, 400, "bad_request");
    }

    [Fact]
    public async Task RoutesOutsideTheOpenEhrApiNeedNoTenant()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Add("X-Tenant", "no-such-tenant");

        using var response = await _fixture.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
