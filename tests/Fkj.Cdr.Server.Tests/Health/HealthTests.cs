using System.Net;
using System.Text.Json;
using Fkj.Cdr.Server.Tests.Support;
using Fkj.Cdr.Storage.Migrations;

namespace Fkj.Cdr.Server.Tests.Health;

[Collection(ServerCollection.Name)]
public sealed class HealthTests
{
    private readonly ServerFixture _fixture;

    public HealthTests(ServerFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task HealthIsUpWithTheDatabaseVersionAndSchemaVersion()
    {
        using var response = await _fixture.Client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("up", body.RootElement.GetProperty("status").GetString());
        var database = body.RootElement.GetProperty("database");
        Assert.Equal("up", database.GetProperty("status").GetString());
        Assert.StartsWith("PostgreSQL ", database.GetProperty("version").GetString());
        Assert.Equal(EmbeddedMigrations.All[^1].Version, database.GetProperty("schemaVersion").GetInt32());
        Assert.False(database.TryGetProperty("error", out _));
    }

    [Fact]
    public void TheServerListensOnLoopbackByDefault()
    {
        Assert.Equal("127.0.0.1", _fixture.Server.BaseAddress.Host);
        Assert.NotEqual(0, _fixture.Server.BaseAddress.Port);
    }
}
