using Fkj.Cdr.Storage.Migrations;
using Fkj.Cdr.Storage.Records;
using Fkj.Cdr.Storage.Tenancy;
using Fkj.Cdr.Storage.Tests.Support;
using Npgsql;

namespace Fkj.Cdr.Storage.Tests.Records;

/// <summary>A batch that is its own transaction: in its tenant, as the application role, all or nothing, and nothing left behind on the connection.</summary>
[Collection(SharedClusterCollection.Name)]
public sealed class RecordBatchTests
{
    private readonly SharedCluster _cluster;

    public RecordBatchTests(SharedCluster cluster) => _cluster = cluster;

    private async Task<(NpgsqlDataSource DataSource, string ConnectionString)> DatabaseAsync()
    {
        var cs = await _cluster.CreateDatabaseAsync();
        // As the server connects: prepared statements, and no session reset when a connection goes back to the pool.
        var dataSource = NpgsqlDataSource.Create(CdrDatabase.Tuned(cs));
        await new MigrationRunner(dataSource).RunAsync();
        await Sql.ExecuteAsync(cs, "INSERT INTO tenant (id, name) VALUES ('b', 'B')");
        return (dataSource, cs);
    }

    private static readonly EhrStore Ehrs = new();
    private static readonly ContributionStore Contributions = new();

    [Fact]
    public async Task EveryStatementRunsInTheTenantAsTheApplicationRole()
    {
        var (dataSource, _) = await DatabaseAsync();
        await using var _ds = dataSource;
        await using var batch = await RecordBatch.OpenAsync(dataSource, "b");
        batch.Add("SELECT 1");
        batch.Add("SELECT current_user::text, current_setting('fkj.tenant', true)");
        await using var reader = await batch.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(1, reader.GetInt32(0));
        Assert.True(await reader.NextResultAsync());
        Assert.True(await reader.ReadAsync());
        Assert.Equal(TenantTransaction.ApplicationRole, reader.GetString(0));
        Assert.Equal("b", reader.GetString(1));
    }

    [Fact]
    public async Task AWriteCommitsInItsTenantOnly()
    {
        var (dataSource, _) = await DatabaseAsync();
        await using var _ds = dataSource;
        var ehr = new EhrRow(Guid.NewGuid(), DateTimeOffset.UtcNow, Guid.NewGuid(), true, true);
        await using (var batch = await RecordBatch.OpenAsync(dataSource, "b"))
        {
            Ehrs.Add(batch, ehr);
            Assert.Equal([1], await batch.ExecuteAsync());
        }
        await using (var tx = await TenantTransaction.BeginAsync(dataSource, "b"))
        {
            Assert.Equal(ehr.EhrId, (await Ehrs.FindAsync(tx, ehr.EhrId))?.EhrId);
        }
        await using (var tx = await TenantTransaction.BeginAsync(dataSource, "default"))
        {
            Assert.Null(await Ehrs.FindAsync(tx, ehr.EhrId));
        }
    }

    [Fact]
    public async Task AFailingStatementUndoesTheWholeBatch()
    {
        var (dataSource, cs) = await DatabaseAsync();
        await using var _ds = dataSource;
        var ehr = new EhrRow(Guid.NewGuid(), DateTimeOffset.UtcNow, Guid.NewGuid(), true, true);
        await using (var batch = await RecordBatch.OpenAsync(dataSource, "default"))
        {
            Ehrs.Add(batch, ehr);
            // A contribution to an EHR that does not exist: its foreign key fails, after the EHR's INSERT ran.
            Contributions.Add(batch, Guid.NewGuid(), new ContributionRow(Guid.NewGuid(), "test", """{"_type":"PARTY_SELF"}""", DateTimeOffset.UtcNow, ChangeType.Creation, null));
            await Assert.ThrowsAsync<RecordConflictException>(() => batch.ExecuteAsync());
        }
        Assert.Equal(0L, await Sql.ScalarAsync<long>(cs, "SELECT count(*) FROM ehr"));
    }

    [Fact]
    public async Task TheConnectionGoesBackToThePoolWithoutTheTenant()
    {
        var (dataSource, _) = await DatabaseAsync();
        await using var _ds = dataSource;
        string loginRole;
        await using (var connection = await dataSource.OpenConnectionAsync())
        await using (var command = new NpgsqlCommand("SELECT current_user::text", connection))
        {
            loginRole = (string)(await command.ExecuteScalarAsync())!;
        }
        Assert.NotEqual(TenantTransaction.ApplicationRole, loginRole);
        await using (var batch = await RecordBatch.OpenAsync(dataSource, "b"))
        {
            batch.Add("SELECT 1");
            await batch.ExecuteAsync();
        }
        // The pool hands back the same physical connection (one was ever opened).
        await using (var connection = await dataSource.OpenConnectionAsync())
        await using (var command = new NpgsqlCommand("SELECT current_user::text, coalesce(current_setting('fkj.tenant', true), '')", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            Assert.True(await reader.ReadAsync());
            Assert.Equal(loginRole, reader.GetString(0));
            Assert.Equal("", reader.GetString(1));
        }
    }
}
