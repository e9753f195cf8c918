using Fkj.Cdr.Storage;
using Fkj.Cdr.Storage.Embedded;
using Fkj.Cdr.Testing;
using Npgsql;

namespace Fkj.Cdr.Terminology.Tests.Storage;

/// <summary>
/// One embedded PostgreSQL for the terminology store tests (initdb takes seconds); each test takes a fresh database,
/// migrated by <see cref="CdrDatabase.OpenAsync"/> as the server does.
/// </summary>
public sealed class SnomedDatabase : IAsyncLifetime
{
    private readonly TempDirectory _directory = new("fkj-snomed");

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

    /// <summary>A new, migrated database.</summary>
    public async Task<CdrDatabase> CreateAsync()
    {
        var name = "t_" + Guid.NewGuid().ToString("N");
        await using (var admin = new NpgsqlConnection(Server.ConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }

        return await CdrDatabase.OpenAsync(new StorageOptions { ConnectionString = Server.ConnectionStringFor(name) });
    }
}

[CollectionDefinition(Name)]
public sealed class SnomedDatabaseCollection : ICollectionFixture<SnomedDatabase>
{
    public const string Name = "snomed database";
}
