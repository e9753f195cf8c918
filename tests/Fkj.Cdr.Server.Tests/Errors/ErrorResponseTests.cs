using System.Net;
using System.Text.Json;
using Fkj.Cdr.Server.Tests.Support;

namespace Fkj.Cdr.Server.Tests.Errors;

[Collection(ServerCollection.Name)]
public sealed class ErrorResponseTests
{
    private readonly ServerFixture _fixture;

    public ErrorResponseTests(ServerFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task AnUnknownRouteIsA404JsonErrorWithCodeAndMessage()
    {
        using var response = await _fixture.Client.GetAsync("/no/such/route?x=1");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var error = await ReadErrorAsync(response);
        Assert.Equal(404, error.GetProperty("status").GetInt32());
        Assert.Equal("not_found", error.GetProperty("code").GetString());
        Assert.Contains("/no/such/route", error.GetProperty("message").GetString());
        Assert.Equal("/no/such/route", error.GetProperty("instance").GetString());
        // path is for a place in the data; a route has none.
        Assert.False(error.TryGetProperty("path", out _));
        Assert.Equal(JsonValueKind.Array, error.GetProperty("issues").ValueKind);
        Assert.Equal(0, error.GetProperty("issues").GetArrayLength());
    }

    [Fact]
    public async Task AWrongMethodIsA405JsonError()
    {
        using var response = await _fixture.Client.PostAsync("/health", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        var error = await ReadErrorAsync(response);
        Assert.Equal(405, error.GetProperty("status").GetInt32());
        Assert.Equal("method_not_allowed", error.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task AnUnhandledExceptionIsA500JsonErrorThatRevealsNoInternals()
    {
        using var response = await _fixture.Client.GetAsync(ServerFixture.ThrowingPath);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var raw = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(ServerFixture.SecretDetail, raw);
        Assert.DoesNotContain("InvalidOperationException", raw);
        var error = await ReadErrorAsync(response);
        Assert.Equal(500, error.GetProperty("status").GetInt32());
        Assert.Equal("internal_error", error.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        Assert.Equal(ServerFixture.ThrowingPath, error.GetProperty("instance").GetString());
        Assert.Equal(0, error.GetProperty("issues").GetArrayLength());
    }

    [Fact]
    public async Task AnApiExceptionWithIssuesListsThemAndTakesThePathOfTheFirstPlacedOne()
    {
        using var response = await _fixture.Client.GetAsync(ServerFixture.IssuesPath);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var error = await ReadErrorAsync(response);
        Assert.Equal(422, error.GetProperty("status").GetInt32());
        Assert.Equal("test_invalid", error.GetProperty("code").GetString());
        Assert.Equal("Two problems.", error.GetProperty("message").GetString());
        Assert.Equal("/content[openEHR-EHR-OBSERVATION.pulse.v2]/data[at0002]", error.GetProperty("path").GetString());
        Assert.Equal(ServerFixture.IssuesPath, error.GetProperty("instance").GetString());
        var issues = error.GetProperty("issues").EnumerateArray().ToList();
        Assert.Equal(2, issues.Count);
        Assert.Equal("no_place", issues[0].GetProperty("code").GetString());
        Assert.False(issues[0].TryGetProperty("path", out _));
        Assert.False(issues[0].TryGetProperty("line", out _));
        Assert.Equal("missing_element", issues[1].GetProperty("code").GetString());
        Assert.Equal("rate is missing", issues[1].GetProperty("message").GetString());
        Assert.Equal("/content[openEHR-EHR-OBSERVATION.pulse.v2]/data[at0002]", issues[1].GetProperty("path").GetString());
        Assert.Equal(3, issues[1].GetProperty("line").GetInt64());
        Assert.Equal(7, issues[1].GetProperty("column").GetInt64());
    }

    [Fact]
    public async Task TheBodyListsItsFieldsInTheDocumentedOrder()
    {
        using var response = await _fixture.Client.GetAsync(ServerFixture.IssuesPath);

        var error = await ReadErrorAsync(response);
        Assert.Equal(["status", "code", "message", "path", "instance", "issues"], error.EnumerateObject().Select(p => p.Name));
    }

    private static async Task<JsonElement> ReadErrorAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }
}
