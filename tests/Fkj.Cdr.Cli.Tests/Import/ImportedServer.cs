using System.Net.Http.Json;
using System.Text.Json;
using Fkj.Cdr.Server;
using Fkj.Cdr.Server.Database;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Fkj.Cdr.Cli.Tests.Import;

/// <summary>The real server, in-process on a free loopback port, on a data directory of the test's (as Fkj.Cdr.Server.Tests start it).</summary>
public sealed class ImportedServer : IAsyncDisposable
{
    private ImportedServer(WebApplication app)
    {
        App = app;
        BaseAddress = new Uri(app.Urls.Single());
        Client = new HttpClient { BaseAddress = BaseAddress };
    }

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    /// <summary>The server's database as its superuser (no tenant, no row-level security): for checks in SQL.</summary>
    public NpgsqlDataSource Sql => App.Services.GetRequiredService<DatabaseService>().Database!.DataSource;

    public static Task<ImportedServer> StartAsync(string dataDir, params string[] options) => StartAsync(dataDir, null, options);

    /// <summary>Builds and starts the server; <paramref name="configure"/> may add middleware or endpoints first.</summary>
    public static async Task<ImportedServer> StartAsync(string dataDir, Action<WebApplication>? configure, params string[] options)
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
        return new ImportedServer(app);
    }

    /// <summary>The EHR of a subject, by GET /ehr?subject_id=...; null when there is none.</summary>
    public async Task<Guid?> EhrOfAsync(string subjectId, string subjectNamespace)
    {
        using var response = await Client.GetAsync($"/openehr/v1/ehr?subject_id={Uri.EscapeDataString(subjectId)}&subject_namespace={Uri.EscapeDataString(subjectNamespace)}");
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return Guid.Parse(body.GetProperty("ehr_id").GetProperty("value").GetString()!);
    }

    /// <summary>Runs a query that must succeed; returns its rows.</summary>
    public async Task<List<JsonElement>> AqlAsync(string q, object? parameters = null)
    {
        var body = new Dictionary<string, object?> { ["q"] = q };
        if (parameters is not null) body["query_parameters"] = parameters;
        using var response = await Client.PostAsJsonAsync("/openehr/v1/query/aql", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("rows").EnumerateArray().Select(r => r.Clone()).ToList();
    }

    /// <summary>One value of a SQL query (as the superuser).</summary>
    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = Sql.CreateCommand(sql);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
