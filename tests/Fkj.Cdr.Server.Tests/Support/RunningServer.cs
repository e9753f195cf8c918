using Fkj.Cdr.Server.Database;
using Microsoft.AspNetCore.Builder;

namespace Fkj.Cdr.Server.Tests.Support;

/// <summary>
/// The real server, started in-process on a free loopback port with its own embedded PostgreSQL in a
/// data directory of the test's. Stopping it stops PostgreSQL.
/// </summary>
public sealed class RunningServer : IAsyncDisposable
{
    private RunningServer(WebApplication app)
    {
        App = app;
        BaseAddress = new Uri(app.Urls.Single());
        Client = new HttpClient { BaseAddress = BaseAddress };
    }

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public DatabaseService Database => App.Services.GetRequiredService<DatabaseService>();

    /// <summary>Adds a tenant the way an operator would, with SQL (there is no tenant API yet).</summary>
    public async Task CreateTenantAsync(string id)
    {
        await using var insert = Database.Database!.DataSource.CreateCommand("INSERT INTO tenant (id, name) VALUES (@id, @name) ON CONFLICT DO NOTHING");
        insert.Parameters.AddWithValue("id", id);
        insert.Parameters.AddWithValue("name", "Test tenant " + id);
        await insert.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Builds and starts the server; <paramref name="configure"/> may add endpoints first, and
    /// <paramref name="options"/> are more command-line options.
    /// </summary>
    public static async Task<RunningServer> StartAsync(string dataDir, Action<WebApplication>? configure = null, params string[] options)
    {
        var app = CdrServer.Build(["serve", "--port", "0", "--data-dir", dataDir, "--log-format", "simple", .. options]);
        configure?.Invoke(app);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        return new RunningServer(app);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
