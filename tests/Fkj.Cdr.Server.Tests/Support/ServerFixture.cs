using Fkj.Cdr.Server.Errors;

namespace Fkj.Cdr.Server.Tests.Support;

/// <summary>One running server for the tests of a collection that only send requests.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public const string ThrowingPath = "/test/throw";
    public const string SecretDetail = "secret internal detail 7f3a";
    public const string IssuesPath = "/test/issues";

    private readonly TempDirectory _directory = new();

    public RunningServer Server { get; private set; } = null!;

    public HttpClient Client => Server.Client;

    public async Task InitializeAsync()
    {
        Server = await RunningServer.StartAsync(_directory.Path, app =>
        {
            app.MapGet(ThrowingPath, string () => throw new InvalidOperationException(SecretDetail));
            app.MapGet(IssuesPath, string () => throw new ApiException(422, "test_invalid", "Two problems.",
            [
                new ErrorIssue("no_place", "something without a place"),
                new ErrorIssue("missing_element", "rate is missing", "/content[openEHR-EHR-OBSERVATION.pulse.v2]/data[at0002]", 3, 7),
            ]));
        });
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        _directory.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = "running server";
}
