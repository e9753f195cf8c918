using Fkj.Cdr.Server.Terminology;
using Fkj.Cdr.Terminology.Index;
using Fkj.Cdr.Terminology.Rf2;

namespace Fkj.Cdr.Server.Tests.Terminology;

/// <summary>
/// A running server that first answers without terminology (the responses are kept for the 503 tests), then holds the
/// Snowstorm dummy release's index.
/// </summary>
public sealed class TerminologyServerFixture : IAsyncLifetime
{
    public static readonly string[] PathsBeforeLoading =
    [
        "/terminology/snomed/concepts/404684003",
        "/terminology/snomed/search?term=clin",
        "/fhir/r4/CodeSystem/$lookup?system=http://snomed.info/sct&code=404684003",
    ];

    private readonly TempDirectory _directory = new();

    public RunningServer Server { get; private set; } = null!;

    public HttpClient Client => Server.Client;

    public Dictionary<string, (int Status, string? MediaType, string Body)> BeforeLoading { get; } = [];

    public async Task InitializeAsync()
    {
        Server = await RunningServer.StartAsync(_directory.Path);
        foreach (var path in PathsBeforeLoading)
        {
            using var response = await Client.GetAsync(path);
            BeforeLoading[path] = ((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
        }

        var index = SnomedIndexBuilder.Build(Rf2Release.Open(Fixtures.Path("snomed", "snowstorm-dummy", "RF2Release")));
        Server.App.Services.GetRequiredService<SnomedCatalog>().Replace(index);
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        _directory.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class TerminologyServerCollection : ICollectionFixture<TerminologyServerFixture>
{
    public const string Name = "running server with the dummy SNOMED CT release";
}
