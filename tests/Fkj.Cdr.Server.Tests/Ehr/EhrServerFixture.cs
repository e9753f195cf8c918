using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;

namespace Fkj.Cdr.Server.Tests.Ehr;

/// <summary>
/// One running server for the EHR tests, with a body limit of <see cref="MaxBodySize"/> so that 413 can be
/// tested with a small body. Tests keep out of each other's way by working in tenants of their own.
/// </summary>
public sealed class EhrServerFixture : IAsyncLifetime
{
    public const long MaxBodySize = 2_000_000;

    public const string Base = "/openehr/v1";

    public const string SystemId = "test.fkj.cdr";

    /// <summary>The tables of migration 0003 that hold a tenant's patient data (audit_event aside).</summary>
    public static readonly string[] DataTables = ["ehr", "ehr_subject", "contribution", "versioned_object", "object_version", "latest_version", "leaf_value"];

    private readonly TempDirectory _directory = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _templateTenants = new(StringComparer.Ordinal);

    public RunningServer Server { get; private set; } = null!;

    public HttpClient Client => Server.Client;

    public async Task InitializeAsync()
    {
        Server = await RunningServer.StartAsync(_directory.Path, null,
            "--max-body-size", MaxBodySize.ToString(System.Globalization.CultureInfo.InvariantCulture), "--system-id", SystemId);
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        _directory.Dispose();
    }

    /// <summary>A new tenant for one test.</summary>
    public async Task<string> NewTenantAsync(string prefix = "t")
    {
        var id = $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];
        await Server.CreateTenantAsync(id);
        return id;
    }

    /// <summary>
    /// A tenant that has the OPT at <paramref name="optPath"/> (absolute), one per OPT file, created on first use:
    /// templates of one id but different content cannot share a tenant.
    /// </summary>
    public Task<string> TenantWithTemplateAsync(string optPath) =>
        _templateTenants.GetOrAdd(optPath, path => new Lazy<Task<string>>(async () =>
        {
            var tenant = await NewTenantAsync("tpl");
            await UploadTemplateAsync(tenant, await File.ReadAllBytesAsync(path));
            return tenant;
        })).Value;

    /// <summary>A tenant with the project's vital signs template (fkj.vital_signs_news2.v1).</summary>
    public Task<string> VitalSignsTenantAsync() => NewTenantWithTemplateAsync(VitalSignsOpt);

    /// <summary>A new tenant with the OPT uploaded.</summary>
    public async Task<string> NewTenantWithTemplateAsync(string optPath, string prefix = "vs")
    {
        var tenant = await NewTenantAsync(prefix);
        await UploadTemplateAsync(tenant, await File.ReadAllBytesAsync(optPath));
        return tenant;
    }

    public async Task UploadTemplateAsync(string tenant, byte[] opt)
    {
        using var response = await SendAsync(HttpMethod.Post, "/definition/template/adl1.4", tenant, opt, "application/xml");
        if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.OK))
        {
            throw new InvalidOperationException($"Template upload failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>Sends a request below <see cref="Base"/> in the tenant.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? tenant, byte[]? body = null, string? contentType = null,
        params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(method, Base + path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            if (contentType is not null) request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }
        if (tenant is not null) request.Headers.Add("X-Tenant", tenant);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        return Client.SendAsync(request);
    }

    /// <summary>Creates an EHR (without a body) and returns its id.</summary>
    public async Task<string> CreateEhrAsync(string tenant)
    {
        using var response = await SendAsync(HttpMethod.Post, "/ehr", tenant, headers: ("Prefer", "return=identifier"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("uid").GetString()!;
    }

    /// <summary>Commits a composition (canonical JSON) and returns its version uid (from the ETag).</summary>
    public async Task<string> CommitAsync(string tenant, string ehrId, byte[] composition, string contentType = "application/json")
    {
        using var response = await SendAsync(HttpMethod.Post, $"/ehr/{ehrId}/composition", tenant, composition, contentType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"commit: {(int)response.StatusCode} {text}");
        return VersionUidOf(response);
    }

    /// <summary>The version uid in a response's ETag (without its quotes).</summary>
    public static string VersionUidOf(HttpResponseMessage response)
    {
        var tag = response.Headers.ETag?.Tag ?? throw new InvalidOperationException("The response has no ETag.");
        return tag.Trim('"');
    }

    /// <summary>Rows of each data table in the tenant, read past row-level security (the server's superuser).</summary>
    public async Task<Dictionary<string, long>> CountRowsAsync(string tenant)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var connection = await Server.Database.Database!.DataSource.OpenConnectionAsync();
        foreach (var table in DataTables.Append("audit_event"))
        {
            await using var command = new NpgsqlCommand($"SELECT count(*) FROM {table} WHERE tenant_id = @tenant", connection);
            command.Parameters.AddWithValue("tenant", tenant);
            counts[table] = (long)(await command.ExecuteScalarAsync())!;
        }
        return counts;
    }

    /// <summary>Runs a query past row-level security and returns its first column as strings.</summary>
    public async Task<List<string?>> QueryAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await Server.Database.Database!.DataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        var list = new List<string?>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) list.Add(reader.IsDBNull(0) ? null : Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
        return list;
    }

    /// <summary>The project's vital signs template.</summary>
    public static string VitalSignsOpt => RepositoryPath("templates", "fkj.vital_signs_news2.v1.opt");

    /// <summary>The benchmark's vital signs composition, as canonical JSON without its uid (a client's new composition).</summary>
    public static byte[] VitalSigns()
    {
        var json = JsonNode.Parse(File.ReadAllBytes(RepositoryPath("benchmarks", "Fkj.Cdr.Benchmarks", "Data", "vital-signs.json")))!.AsObject();
        json.Remove("uid");
        return Encoding.UTF8.GetBytes(json.ToJsonString());
    }

    /// <summary>A file of this repository, found from the test binaries.</summary>
    public static string RepositoryPath(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Fkj.Cdr.sln"))) return Path.Combine([dir.FullName, .. parts]);
        }
        throw new DirectoryNotFoundException("Fkj.Cdr.sln not found above the test binaries");
    }
}

[CollectionDefinition(Name)]
public sealed class EhrServerCollection : ICollectionFixture<EhrServerFixture>
{
    public const string Name = "ehr server";
}
