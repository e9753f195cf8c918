using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Fkj.Cdr.Server.Tests.Query;

/// <summary>What one load request answered: the item (template, EHR, composition, update, delete, folder), status, body.</summary>
public sealed record AqlLoadOutcome(string Kind, string Item, int Status, string Body);

/// <summary>
/// The AQL test data set (Query/Cases/dataset.yaml) loaded through the REST API into a tenant of its own on a
/// running server: templates, EHRs with their EHR_STATUS, compositions with their updates and deletion, and the
/// directories. It never throws for a refused item: every answer is in <see cref="Outcomes"/>, and the tests
/// decide. <see cref="Bindings"/> holds the ids the server gave, for the cases' ${...} bindings.
/// </summary>
public sealed class AqlDatasetFixture : IAsyncLifetime
{
    public const string Base = "/openehr/v1";

    public const string SystemId = "aql.dataset.fkj.cdr";

    private readonly TempDirectory _directory = new();

    public RunningServer Server { get; private set; } = null!;

    public string Tenant { get; } = $"aql-{Guid.NewGuid():N}"[..16];

    public AqlDatasetManifest Manifest { get; } = AqlDatasetManifest.Load();

    public AqlDatasetBindings Bindings { get; } = new();

    public List<AqlLoadOutcome> Outcomes { get; } = [];

    public async Task InitializeAsync()
    {
        Server = await RunningServer.StartAsync(_directory.Path, null, "--system-id", SystemId);
        await Server.CreateTenantAsync(Tenant);
        Bindings.Set("system_id", SystemId);

        foreach (var template in Manifest.Templates)
        {
            using var response = await SendAsync(HttpMethod.Post, "/definition/template/adl1.4", await ReadAsync(template), "application/xml");
            await RecordAsync("template", template, response);
        }

        foreach (var ehr in Manifest.Ehrs)
        {
            using var response = await SendAsync(HttpMethod.Post, "/ehr", ehr.Status is null ? null : await ReadAsync(ehr.Status), "application/json",
                ("Prefer", "return=representation"));
            var body = await RecordAsync("ehr", ehr.Key, response);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                Bindings.Set($"ehr:{ehr.Key}", JsonNode.Parse(body)!["ehr_id"]!["value"]!.GetValue<string>());
            }
        }

        foreach (var composition in Manifest.Compositions)
        {
            await LoadAsync(composition);
        }

        foreach (var folder in Manifest.Folders)
        {
            if (!Bindings.Has($"ehr:{folder.Ehr}")) continue;
            var text = Encoding.UTF8.GetString(await ReadAsync(folder.File));
            foreach (var (name, key) in folder.Items)
            {
                text = text.Replace("${" + name + "}", Bindings.Has($"composition:{key}") ? Bindings[$"composition:{key}"] : "${" + name + "}", StringComparison.Ordinal);
            }
            using var response = await SendAsync(HttpMethod.Post, $"/ehr/{Bindings[$"ehr:{folder.Ehr}"]}/directory", Encoding.UTF8.GetBytes(text), "application/json");
            await RecordAsync("folder", folder.File, response);
        }
    }

    private async Task LoadAsync(AqlDatasetComposition composition)
    {
        if (!Bindings.Has($"ehr:{composition.Ehr}")) return;
        var ehrId = Bindings[$"ehr:{composition.Ehr}"];
        var (path, contentType) = composition.Flat
            ? ($"/ehr/{ehrId}/composition?templateId={Uri.EscapeDataString(composition.TemplateId!)}", "application/openehr.wt.flat+json")
            : ($"/ehr/{ehrId}/composition", "application/json");
        string version;
        using (var response = await SendAsync(HttpMethod.Post, path, await ReadAsync(composition.File), contentType))
        {
            await RecordAsync("composition", composition.Key, response);
            if (response.StatusCode != HttpStatusCode.Created) return;
            version = Ehr.EhrServerFixture.VersionUidOf(response);
            Bindings.SetVersion(composition.Key, version);
        }

        foreach (var update in composition.Updates)
        {
            var objectId = version.Split("::")[0];
            using var response = await SendAsync(HttpMethod.Put, $"/ehr/{ehrId}/composition/{objectId}", await ReadAsync(update), "application/json",
                ("If-Match", $"\"{version}\""));
            await RecordAsync("update", $"{composition.Key} <- {update}", response);
            if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.NoContent)) return;
            version = Ehr.EhrServerFixture.VersionUidOf(response);
            Bindings.SetVersion(composition.Key, version);
        }

        if (composition.Delete)
        {
            using var response = await SendAsync(HttpMethod.Delete, $"/ehr/{ehrId}/composition/{version}", null, null);
            await RecordAsync("delete", composition.Key, response);
        }
    }

    /// <summary>The outcome of one item (the last one of that kind and name).</summary>
    public AqlLoadOutcome? Outcome(string kind, string item) => Outcomes.LastOrDefault(o => o.Kind == kind && o.Item == item);

    /// <summary>Sends a request below <see cref="Base"/> in the data set's tenant.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, byte[]? body, string? contentType, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(method, Base + path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            if (contentType is not null) request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }
        request.Headers.Add("X-Tenant", Tenant);
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        return Server.Client.SendAsync(request);
    }

    private Task<byte[]> ReadAsync(string relative) => File.ReadAllBytesAsync(Manifest.FullPath(relative));

    private async Task<string> RecordAsync(string kind, string item, HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Outcomes.Add(new AqlLoadOutcome(kind, item, (int)response.StatusCode, body));
        return body;
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        _directory.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class AqlDatasetCollection : ICollectionFixture<AqlDatasetFixture>
{
    public const string Name = "aql dataset";
}
