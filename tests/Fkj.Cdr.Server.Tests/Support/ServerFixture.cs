namespace Fkj.Cdr.Server.Tests.Support;

/// <summary>One running server for the tests of a collection that only send requests.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public const string ThrowingPath = "/test/throw";
    public const string SecretDetail = "secret internal detail 7f3a";

    private readonly TempDirectory _directory = new();

    public RunningServer Server { get; private set; } = null!;

    public HttpClient Client => Server.Client;

    public async Task InitializeAsync()
    {
        Server = await RunningServer.StartAsync(_directory.Path, app =>
            app.MapGet(ThrowingPath, string () => throw new InvalidOperationException(SecretDetail)));
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
