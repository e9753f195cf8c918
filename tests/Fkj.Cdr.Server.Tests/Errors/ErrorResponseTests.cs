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
        Assert.Equal("/no/such/route", error.GetProperty("path").GetString());
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
        Assert.Equal(ServerFixture.ThrowingPath, error.GetProperty("path").GetString());
    }

    private static async Task<JsonElement> ReadErrorAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }
}
