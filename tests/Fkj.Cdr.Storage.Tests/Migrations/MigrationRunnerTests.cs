using Fkj.Cdr.Storage.Migrations;
using Fkj.Cdr.Storage.Tests.Support;
using Npgsql;

namespace Fkj.Cdr.Storage.Tests.Migrations;

[Collection(SharedClusterCollection.Name)]
public sealed class MigrationRunnerTests
{
    private readonly SharedCluster _cluster;

    public MigrationRunnerTests(SharedCluster cluster) => _cluster = cluster;

    [Fact]
    public void EmbeddedMigrationsStartWithTheFoundation()
    {
        var first = EmbeddedMigrations.All[0];
        Assert.Equal(1, first.Version);
        Assert.Equal("foundation", first.Name);
        Assert.Contains("CREATE TABLE tenant", first.Sql);
        Assert.Equal(EmbeddedMigrations.All.Select(m => m.Version).Order(), EmbeddedMigrations.All.Select(m => m.Version));
    }

    [Fact]
    public void ChecksumIgnoresLineEndingsButNotContent()
    {
        var lf = new Migration(1, "a", "CREATE TABLE a (x int);\nSELECT 1;\n");
        var crlf = new Migration(1, "a", "CREATE TABLE a (x int);\r\nSELECT 1;\r\n");
        var other = new Migration(1, "a", "CREATE TABLE a (x bigint);\nSELECT 1;\n");
        Assert.Equal(lf.Checksum, crlf.Checksum);
        Assert.NotEqual(lf.Checksum, other.Checksum);
    }

    [Fact]
    public void TwoMigrationsWithOneVersionAreRejected()
    {
        Assert.Throws<MigrationException>(() => EmbeddedMigrations.Ordered([new Migration(1, "a", "SELECT 1"), new Migration(1, "b", "SELECT 2")]));
    }

    [Fact]
    public async Task EmbeddedMigrationsAreAppliedOnceAndRecorded()
    {
        var cs = await _cluster.CreateDatabaseAsync();
        await using var dataSource = NpgsqlDataSource.Create(cs);

        var first = await new MigrationRunner(dataSource).RunAsync();

        Assert.Equal(EmbeddedMigrations.All.Select(m => m.Version), first.Applied);
        Assert.Equal(EmbeddedMigrations.All[^1].Version, first.SchemaVersion);
        Assert.Equal("Default tenant", await Sql.ScalarAsync<string>(cs, "SELECT name FROM tenant WHERE id = 'default'"));
        Assert.Equal(EmbeddedMigrations.All[0].Checksum, await Sql.ScalarAsync<string>(cs, "SELECT checksum FROM schema_version WHERE version = 1"));
        Assert.Equal("foundation", await Sql.ScalarAsync<string>(cs, "SELECT name FROM schema_version WHERE version = 1"));
        var appliedAt = await Sql.ScalarAsync<DateTime>(cs, "SELECT applied_at FROM schema_version WHERE version = 1");

        var second = await new MigrationRunner(dataSource).RunAsync();

        Assert.Empty(second.Applied);
        Assert.Equal(first.SchemaVersion, second.SchemaVersion);
        Assert.Equal((long)EmbeddedMigrations.All.Count, await Sql.ScalarAsync<long>(cs, "SELECT count(*) FROM schema_version"));
        Assert.Equal(1L, await Sql.ScalarAsync<long>(cs, "SELECT count(*) FROM tenant"));
        Assert.Equal(appliedAt, await Sql.ScalarAsync<DateTime>(cs, "SELECT applied_at FROM schema_version WHERE version = 1"));
    }

    [Fact]
    public async Task OnlyNewMigrationsAreAppliedLater()
    {
        var cs = await _cluster.CreateDatabaseAsync();
        await using var dataSource = NpgsqlDataSource.Create(cs);
        var m1 = new Migration(1, "one", "CREATE TABLE one (x int);");
        var m2 = new Migration(2, "two", "CREATE TABLE two (x int);");

        await new MigrationRunner(dataSource, [m1]).RunAsync();
        var later = await new MigrationRunner(dataSource, [m1, m2]).RunAsync();

        Assert.Equal([2], later.Applied);
        Assert.Equal(2, later.SchemaVersion);
        Assert.Equal(2L, await Sql.ScalarAsync<long>(cs, "SELECT count(*) FROM schema_version"));
    }

    [Fact]
    public async Task AChangedAppliedMigrationIsRefused()
    {
        var cs = await _cluster.CreateDatabaseAsync();
        await using var dataSource = NpgsqlDataSource.Create(cs);
        await new MigrationRunner(dataSource, [new Migration(1, "a", "CREATE TABLE a (x int);")]).RunAsync();

        var changed = new MigrationRunner(dataSource,
        [
            new Migration(1, "a", "CREATE TABLE a (x bigint);"),
            new Migration(2, "b", "CREATE TABLE b (x int);"),
        ]);
        var error = await Assert.ThrowsAsync<MigrationException>(() => changed.RunAsync());

        Assert.Contains("checksum", error.Message);
        // Refused before anything was applied: migration 2 did not run.
        Assert.Equal(1L, await Sql.ScalarAsync<long>(cs, "SELECT count(*) FROM schema_version"));
        Assert.False(await Sql.TableExistsAsync(cs, "b"));
    }

    [Fact]
    public async Task ADatabaseNewerThanTheServerIsRefused()
    {
        var cs = await _cluster.CreateDatabaseAsync();
        await using var dataSource = NpgsqlDataSource.Create(cs);
        var m1 = new Migration(1, "one", "CREATE TABLE one (x int);");
        await new MigrationRunner(dataSource, [m1, new Migration(2, "two", "CREATE TABLE two (x int);")]).RunAsync();

        var error = await Assert.ThrowsAsync<MigrationException>(() => new MigrationRunner(dataSource, [m1]).RunAsync());

        Assert.Contains("newer", error.Message);
    }

    [Fact]
    public async Task AFailingMigrationIsRolledBackAndNotRecorded()
    {
        var cs = await _cluster.CreateDatabaseAsync();
        await using var dataSource = NpgsqlDataSource.Create(cs);
        var good = new Migration(1, "good", "CREATE TABLE good (x int);");
        var bad = new Migration(2, "bad", "CREATE TABLE half_done (x int); SELECT 1 / 0;");

        await Assert.ThrowsAsync<MigrationException>(() => new MigrationRunner(dataSource, [good, bad]).RunAsync());

        Assert.Equal(1L, await Sql.ScalarAsync<long>(cs, "SELECT count(*) FROM schema_version"));
        Assert.Equal(1, await Sql.ScalarAsync<int>(cs, "SELECT max(version) FROM schema_version"));
        Assert.False(await Sql.TableExistsAsync(cs, "half_done"));
        Assert.True(await Sql.TableExistsAsync(cs, "good"));
    }

    [Fact]
    public async Task RunnersStartingTogetherApplyEachMigrationOnce()
    {
        var cs = await _cluster.CreateDatabaseAsync();
        Migration[] migrations =
        [
            // The sleep keeps the first runner inside its transaction while the others arrive;
            // without the advisory lock they would all try CREATE TABLE and all but one fail.
            new Migration(1, "slow", "CREATE TABLE slow (x int); SELECT pg_sleep(0.5);"),
            new Migration(2, "next", "CREATE TABLE next (x int);"),
        ];
        var dataSources = Enumerable.Range(0, 4).Select(_ => NpgsqlDataSource.Create(cs)).ToList();
        try
        {
            var results = await Task.WhenAll(dataSources.Select(ds => Task.Run(() => new MigrationRunner(ds, migrations).RunAsync())));

            Assert.Equal(2, results.Sum(r => r.Applied.Count));
            Assert.All(results, r => Assert.Equal(2, r.SchemaVersion));
            Assert.Equal(2L, await Sql.ScalarAsync<long>(cs, "SELECT count(*) FROM schema_version"));
        }
        finally
        {
            foreach (var ds in dataSources)
            {
                await ds.DisposeAsync();
            }
        }
    }
}
