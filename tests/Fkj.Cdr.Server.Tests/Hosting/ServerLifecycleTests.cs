using System.Net;
using System.Text.Json;
using Fkj.Cdr.Server.Tests.Support;
using Npgsql;

namespace Fkj.Cdr.Server.Tests.Hosting;

/// <summary>Each test runs servers of its own, with their own embedded PostgreSQL.</summary>
public sealed class ServerLifecycleTests
{
    [Fact]
    public async Task StoppingTheServerStopsPostgresAndTheDataSurvivesARestart()
    {
        using var dir = new TempDirectory();
        int postmasterPid;
        await using (var server = await RunningServer.StartAsync(dir.Path))
        {
            var embedded = server.Database.Database!.Embedded!;
            postmasterPid = embedded.ReadPostmasterPid()!.Value;
            Assert.True(IsAlive(postmasterPid));
            await using var insert = server.Database.Database!.DataSource.CreateCommand("INSERT INTO tenant (id, name) VALUES (@id, @name)");
            insert.Parameters.AddWithValue("id", "restart-probe");
            insert.Parameters.AddWithValue("name", "Survives a restart");
            Assert.Equal(1, await insert.ExecuteNonQueryAsync());
        }

        Assert.True(await WaitUntilGoneAsync(postmasterPid));
        Assert.False(File.Exists(Path.Combine(dir.Path, "pg", "postmaster.pid")));

        await using (var server = await RunningServer.StartAsync(dir.Path))
        {
            using var response = await server.Client.GetAsync("/health");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await using var select = server.Database.Database!.DataSource.CreateCommand("SELECT name FROM tenant WHERE id = 'restart-probe'");
            Assert.Equal("Survives a restart", await select.ExecuteScalarAsync());
        }
    }

    [Fact]
    public async Task HealthIs503WithTheErrorWhenTheDatabaseStopsAnswering()
    {
        using var dir = new TempDirectory();
        await using var server = await RunningServer.StartAsync(dir.Path);
        using (var before = await server.Client.GetAsync("/health"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await server.Database.Database!.Embedded!.StopAsync();
        using var response = await server.Client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("down", body.RootElement.GetProperty("status").GetString());
        var database = body.RootElement.GetProperty("database");
        Assert.Equal("down", database.GetProperty("status").GetString());
        Assert.False(string.IsNullOrWhiteSpace(database.GetProperty("error").GetString()));
        Assert.False(database.TryGetProperty("version", out _));
    }

    [Fact]
    public async Task WithAConnectionStringTheServerUsesThatDatabaseAndStartsNoEmbeddedOne()
    {
        using var dir = new TempDirectory();
        await using var host = await RunningServer.StartAsync(Path.Combine(dir.Path, "host"));
        var external = new NpgsqlConnectionStringBuilder(host.Database.Database!.Embedded!.ConnectionString) { Database = "postgres" };
        var unusedDataDir = Path.Combine(dir.Path, "unused");

        var app = CdrServer.Build(["--port", "0", "--data-dir", unusedDataDir, "--connection-string", external.ConnectionString, "--log-format", "simple"]);
        await using (app)
        {
            await app.StartAsync();
            using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
            using var response = await client.GetAsync("/health");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Null(app.Services.GetRequiredService<Fkj.Cdr.Server.Database.DatabaseService>().Database!.Embedded);
            await app.StopAsync();
        }

        Assert.False(Directory.Exists(unusedDataDir));
        // The migrations ran in the configured database.
        await using var connection = new NpgsqlConnection(external.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM tenant WHERE id = 'default'", connection);
        Assert.Equal(1L, await command.ExecuteScalarAsync());
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)] is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static async Task<bool> WaitUntilGoneAsync(int pid)
    {
        for (var i = 0; i < 200 && IsAlive(pid); i++)
        {
            await Task.Delay(50);
        }
        return !IsAlive(pid);
    }
}
