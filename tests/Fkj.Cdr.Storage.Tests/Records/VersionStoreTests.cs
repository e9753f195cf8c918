using System.Text;
using Fkj.Cdr.Rm.Codecs.Json;
using Fkj.Cdr.Rm.Records;
using Fkj.Cdr.Storage.Migrations;
using Fkj.Cdr.Storage.Records;
using Fkj.Cdr.Storage.Tenancy;
using Fkj.Cdr.Storage.Tests.Support;
using Npgsql;

namespace Fkj.Cdr.Storage.Tests.Records;

/// <summary>The EHR stores on a migrated database: versions, the optimistic-concurrency gate, leaf rows, interning.</summary>
[Collection(SharedClusterCollection.Name)]
public sealed class VersionStoreTests
{
    private const string Status = """
        {"_type":"EHR_STATUS","name":{"_type":"DV_TEXT","value":"EHR Status"},"archetype_node_id":"openEHR-EHR-EHR_STATUS.generic.v1",
         "subject":{"_type":"PARTY_SELF"},"is_queryable":true,"is_modifiable":true,
         "other_details":{"_type":"ITEM_TREE","name":{"_type":"DV_TEXT","value":"Details"},"archetype_node_id":"at0001","items":[
           {"_type":"ELEMENT","name":{"_type":"DV_TEXT","value":"Weight"},"archetype_node_id":"at0002","value":{"_type":"DV_QUANTITY","magnitude":72.5,"units":"kg"}}]}}
        """;

    private readonly SharedCluster _cluster;

    public VersionStoreTests(SharedCluster cluster) => _cluster = cluster;

    private async Task<NpgsqlDataSource> DatabaseAsync()
    {
        var cs = await _cluster.CreateDatabaseAsync();
        var dataSource = NpgsqlDataSource.Create(cs);
        await new MigrationRunner(dataSource).RunAsync();
        await Sql.ExecuteAsync(cs, "INSERT INTO tenant (id, name) VALUES ('b', 'B')");
        return dataSource;
    }

    private static readonly ContributionStore Contributions = new();
    private static readonly VersionStore Versions = new();
    private static readonly EhrStore Ehrs = new();

    private static NewVersion Version(Guid objectId, int n, ContributionRow contribution, string? document) =>
        new(objectId, n, contribution.ContributionId, contribution.TimeCommitted, document is null ? ChangeType.Deleted : n == 1 ? ChangeType.Creation : ChangeType.Modification,
            document is null ? LifecycleState.Deleted : LifecycleState.Complete, null, document);

    private static ContributionRow Contribution() =>
        new(Guid.NewGuid(), "test", """{"_type":"PARTY_SELF"}""", DateTimeOffset.UtcNow, ChangeType.Creation, null);

    /// <summary>An EHR with version 1 of its status (with one leaf value), in tenant default.</summary>
    private static async Task<(Guid Ehr, Guid Status)> CreateEhrAsync(NpgsqlDataSource dataSource, LeafIndex index)
    {
        var ehrId = Guid.NewGuid();
        var statusId = Guid.NewGuid();
        var leaves = LeafIndex.Extract(CanonicalJson.Decode<EhrStatus>(Encoding.UTF8.GetBytes(Status)));
        await index.InternAsync(leaves);
        await using var tx = await TenantTransaction.BeginAsync(dataSource, "default");
        await using var batch = new RecordBatch(tx);
        var contribution = Contribution();
        Ehrs.Add(batch, new EhrRow(ehrId, DateTimeOffset.UtcNow, statusId, true, true));
        Contributions.Add(batch, ehrId, contribution);
        Versions.AddFirst(batch, ehrId, VersionedType.EhrStatus, null, Version(statusId, 1, contribution, Status));
        index.Add(batch, ehrId, statusId, 1, leaves);
        await batch.ExecuteAsync();
        await tx.CommitAsync();
        return (ehrId, statusId);
    }

    [Fact]
    public async Task VersionsLeafRowsAndTheLatestVersionKeyAgree()
    {
        await using var dataSource = await DatabaseAsync();
        var index = new LeafIndex(dataSource);
        var (ehr, status) = await CreateEhrAsync(dataSource, index);

        await using (var tx = await TenantTransaction.BeginAsync(dataSource, "default"))
        {
            await using var batch = new RecordBatch(tx);
            var contribution = Contribution();
            Contributions.Add(batch, ehr, contribution);
            var gate = Versions.AddNext(batch, ehr, 1, Version(status, 2, contribution, Status.Replace("72.5", "73")));
            index.Add(batch, ehr, status, 2, LeafIndex.Extract(CanonicalJson.Decode<EhrStatus>(Encoding.UTF8.GetBytes(Status.Replace("72.5", "73")))));
            await batch.ExecuteAsync();
            Assert.True(gate.Passed);
            await tx.CommitAsync();
        }

        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("""
            SELECT v.version, l.num, (lv.version_key = v.version_key) AS is_latest, p.path
            FROM leaf_value l
            JOIN object_version v ON v.tenant_id = l.tenant_id AND v.ehr_id = l.ehr_id AND v.version_key = l.version_key
            JOIN archetype_path p ON p.path_id = l.path_id
            JOIN latest_version lv ON lv.tenant_id = v.tenant_id AND lv.ehr_id = v.ehr_id AND lv.object_id = v.object_id
            ORDER BY v.version
            """, connection);
        var rows = new List<(int, double, bool, string)>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) rows.Add((reader.GetInt32(0), reader.GetDouble(1), reader.GetBoolean(2), reader.GetString(3)));
        }
        Assert.Equal(
        [
            (1, 72.5, false, "[openEHR-EHR-EHR_STATUS.generic.v1]/other_details[at0001]/items[at0002]/value"),
            (2, 73d, true, "[openEHR-EHR-EHR_STATUS.generic.v1]/other_details[at0001]/items[at0002]/value"),
        ], rows);

        await using var read = await TenantTransaction.BeginAsync(dataSource, "default");
        var history = await Versions.HistoryAsync(read, ehr, status, VersionedType.EhrStatus);
        Assert.Equal([1, 2], history.Select(v => v.Version));
        Assert.All(history, v => Assert.Null(v.Document));
        Assert.Equal(2, (await Versions.FindLatestAsync(read, ehr, status, VersionedType.EhrStatus))!.Version);
        Assert.Null(await Versions.FindLatestAsync(read, ehr, status, VersionedType.Composition));
        // Another tenant sees nothing of it.
        await using var other = await TenantTransaction.BeginAsync(dataSource, "b");
        Assert.Null(await Ehrs.FindAsync(other, ehr));
        Assert.Empty(await Versions.HistoryAsync(other, ehr, status, VersionedType.EhrStatus));
    }

    [Fact]
    public async Task OfTwoTransactionsFromTheSameVersionTheSecondWaitsAndFails()
    {
        await using var dataSource = await DatabaseAsync();
        var (ehr, status) = await CreateEhrAsync(dataSource, new LeafIndex(dataSource));

        await using var first = await TenantTransaction.BeginAsync(dataSource, "default");
        await using var firstBatch = new RecordBatch(first);
        var c1 = Contribution();
        Contributions.Add(firstBatch, ehr, c1);
        var firstGate = Versions.AddNext(firstBatch, ehr, 1, Version(status, 2, c1, Status));
        await firstBatch.ExecuteAsync();
        Assert.True(firstGate.Passed);

        await using var second = await TenantTransaction.BeginAsync(dataSource, "default");
        await using var secondBatch = new RecordBatch(second);
        var c2 = Contribution();
        Contributions.Add(secondBatch, ehr, c2);
        Versions.AddNext(secondBatch, ehr, 1, Version(status, 2, c2, Status));
        var waiting = secondBatch.ExecuteAsync();
        await Task.Delay(300);
        Assert.False(waiting.IsCompleted); // blocked on the first one's version 2
        await first.CommitAsync();
        var conflict = await Assert.ThrowsAsync<RecordConflictException>(() => waiting);
        Assert.Equal(VersionStore.VersionTaken, conflict.Constraint);
        Assert.True(conflict.IsUniqueViolation);
    }

    [Fact]
    public async Task TheGateRefusesAPrecedingVersionThatIsNotTheLatest()
    {
        await using var dataSource = await DatabaseAsync();
        var (ehr, status) = await CreateEhrAsync(dataSource, new LeafIndex(dataSource));
        await using var tx = await TenantTransaction.BeginAsync(dataSource, "default");
        await using var batch = new RecordBatch(tx);
        var contribution = Contribution();
        Contributions.Add(batch, ehr, contribution);
        var gate = Versions.AddNext(batch, ehr, 4, Version(status, 5, contribution, Status)); // there is no version 4
        await batch.ExecuteAsync();
        Assert.False(gate.Passed);
    }

    [Fact]
    public async Task AContributionForAnEhrThatMayNotBeModifiedIsNotWritten()
    {
        await using var dataSource = await DatabaseAsync();
        var index = new LeafIndex(dataSource);
        var (ehr, status) = await CreateEhrAsync(dataSource, index);
        await using (var tx = await TenantTransaction.BeginAsync(dataSource, "default"))
        {
            await using var batch = new RecordBatch(tx);
            Ehrs.SetStatusFlags(batch, ehr, isModifiable: false, isQueryable: true);
            await batch.ExecuteAsync();
            await tx.CommitAsync();
        }
        foreach (var target in new[] { ehr, Guid.NewGuid() })
        {
            await using var tx = await TenantTransaction.BeginAsync(dataSource, "default");
            await using var batch = new RecordBatch(tx);
            var contribution = Contribution();
            Contributions.Add(batch, target, contribution, onlyIfModifiable: true);
            Versions.AddFirst(batch, target, VersionedType.Composition, "t.v1", Version(Guid.NewGuid(), 1, contribution, Status));
            var conflict = await Assert.ThrowsAsync<RecordConflictException>(() => batch.ExecuteAsync());
            Assert.False(conflict.IsUniqueViolation);
        }
    }

    [Fact]
    public async Task PathsInternedAtOnceByTwoServersGetTheSameIds()
    {
        await using var dataSource = await DatabaseAsync();
        var leaves = LeafIndex.Extract(CanonicalJson.Decode<EhrStatus>(Encoding.UTF8.GetBytes(Status)));
        var one = new LeafIndex(dataSource);
        var two = new LeafIndex(dataSource);
        await Task.WhenAll(one.InternAsync(leaves), two.InternAsync(leaves));
        Assert.Equal(1, one.CachedPaths);
        Assert.Equal(1, two.CachedPaths);
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM archetype_path", connection);
        Assert.Equal(1L, (long)(await count.ExecuteScalarAsync())!);
    }
}
