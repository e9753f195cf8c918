using Fkj.Cdr.Storage.Migrations;
using Fkj.Cdr.Storage.Tests.Support;

namespace Fkj.Cdr.Storage.Tests;

[Collection(SharedClusterCollection.Name)]
public sealed class CdrDatabaseTests
{
    private readonly SharedCluster _cluster;

    public CdrDatabaseTests(SharedCluster cluster) => _cluster = cluster;

    [Fact]
    public async Task WithAConnectionStringNoEmbeddedServerIsStartedAndTheSchemaIsMigrated()
    {
        var cs = await _cluster.CreateDatabaseAsync();
        var dataDir = Path.Combine("/tmp", "fkj-never-" + Guid.NewGuid().ToString("N"));

        await using var database = await CdrDatabase.OpenAsync(new StorageOptions { ConnectionString = cs, DataDirectory = dataDir });

        Assert.Null(database.Embedded);
        Assert.False(Directory.Exists(dataDir));
        Assert.Equal(EmbeddedMigrations.All[^1].Version, database.SchemaVersionAtStart);
        Assert.Equal(1L, await Sql.ScalarAsync<long>(cs, "SELECT count(*) FROM tenant WHERE id = 'default'"));
    }

    [Fact]
    public async Task HealthIsUpWithVersionsWhileTheDatabaseAnswers()
    {
        var cs = await _cluster.CreateDatabaseAsync();
        await using var database = await CdrDatabase.OpenAsync(new StorageOptions { ConnectionString = cs });

        var health = await database.CheckHealthAsync();

        Assert.True(health.IsUp);
        Assert.StartsWith("PostgreSQL ", health.Version);
        Assert.Equal(EmbeddedMigrations.All[^1].Version, health.SchemaVersion);
        Assert.Null(health.Error);
    }

    [Fact]
    public async Task HealthIsDownWithTheErrorWhenTheDatabaseIsGone()
    {
        var cs = await _cluster.CreateDatabaseAsync();
        await using var database = await CdrDatabase.OpenAsync(new StorageOptions { ConnectionString = cs });
        await _cluster.DropDatabaseAsync(cs);

        var health = await database.CheckHealthAsync();

        Assert.False(health.IsUp);
        Assert.False(string.IsNullOrWhiteSpace(health.Error));
        Assert.Null(health.Version);
    }
}
