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

    /// <summary>Builds and starts the server; <paramref name="configure"/> may add endpoints first.</summary>
    public static async Task<RunningServer> StartAsync(string dataDir, Action<WebApplication>? configure = null)
    {
        var app = CdrServer.Build(["serve", "--port", "0", "--data-dir", dataDir, "--log-format", "simple"]);
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
