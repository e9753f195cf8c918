using System.Net.Http.Headers;

namespace Fkj.Cdr.Server.Tests.Definitions;

/// <summary>
/// One running server for the template tests, with a template size limit of <see cref="MaxTemplateSize"/>
/// (above the largest fixture, 1.9 MB) so that the limit can be tested with small bodies. Tests keep out
/// of each other's way by working in tenants of their own.
/// </summary>
public sealed class TemplateServerFixture : IAsyncLifetime
{
    public const long MaxTemplateSize = 2_500_000;

    public const string TemplatesPath = "/openehr/v1/definition/template/adl1.4";

    private readonly TempDirectory _directory = new();

    public RunningServer Server { get; private set; } = null!;

    public HttpClient Client => Server.Client;

    public async Task InitializeAsync()
    {
        Server = await RunningServer.StartAsync(_directory.Path, null, "--max-template-size", MaxTemplateSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
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

    public static string TemplatePath(string templateId) => $"{TemplatesPath}/{Uri.EscapeDataString(templateId)}";

    public Task<HttpResponseMessage> UploadAsync(string? tenant, byte[] opt, string? contentType = "application/xml", Action<HttpRequestMessage>? configure = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, TemplatesPath) { Content = new ByteArrayContent(opt) };
        if (contentType is not null) request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (tenant is not null) request.Headers.Add("X-Tenant", tenant);
        configure?.Invoke(request);
        return Client.SendAsync(request);
    }

    public Task<HttpResponseMessage> GetAsync(string? tenant, string path, string? accept = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (tenant is not null) request.Headers.Add("X-Tenant", tenant);
        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
        return Client.SendAsync(request);
    }
}

[CollectionDefinition(Name)]
public sealed class TemplateServerCollection : ICollectionFixture<TemplateServerFixture>
{
    public const string Name = "template server";
}
