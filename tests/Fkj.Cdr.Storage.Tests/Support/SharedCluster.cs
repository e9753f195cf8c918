using Fkj.Cdr.Storage.Embedded;
using Npgsql;

namespace Fkj.Cdr.Storage.Tests.Support;

/// <summary>
/// One embedded cluster for every test of the collection (initdb takes seconds). Tests isolate themselves
/// by taking a fresh database each.
/// </summary>
public sealed class SharedCluster : IAsyncLifetime
{
    private readonly TempDirectory _directory = new("fkj-shared");

    public EmbeddedPostgres Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = new EmbeddedPostgres(new EmbeddedPostgresOptions { DataDirectory = _directory.Path });
        await Server.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        _directory.Dispose();
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "t_" + Guid.NewGuid().ToString("N");
        await using (var admin = new NpgsqlConnection(Server.ConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }
        return Server.ConnectionStringFor(name);
    }

    /// <summary>Drops a database even while connections to it are open.</summary>
    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await using var admin = new NpgsqlConnection(Server.ConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE {name} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class SharedClusterCollection : ICollectionFixture<SharedCluster>
{
    public const string Name = "shared cluster";
}
