using Fkj.Cdr.Load.Crash;
using Fkj.Cdr.Storage.Embedded;
using Npgsql;

namespace Fkj.Cdr.Load.Tests.Crash;

/// <summary>
/// The crash scenario against the real server: killed with SIGKILL mid-load (once alone, once with its
/// PostgreSQL), restarted on the same data directory, it has lost no acknowledged commit and holds no partial
/// version; and the checks that say so do see a half-written version when there is one.
/// </summary>
[Collection(CrashRunCollection.Name)]
public sealed class CrashRunTests(CrashRunFixture run) : IClassFixture<CrashRunFixture>
{
    [Fact]
    public void Every_acknowledged_commit_survives_the_kills_whole_and_no_partial_version_is_left()
    {
        Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}\n{run.Stderr}\n{run.Stdout}");
        var report = Assert.IsType<CrashReport>(run.Report);
        Assert.True(report.Passed);
        Assert.Empty(report.Problems);
        Assert.Empty(report.Notes);

        Assert.Equal([1, 2], report.Rounds.Select(r => r.Round));
        Assert.Equal([false, true], report.Rounds.Select(r => r.PostgresKilled));
        foreach (var round in report.Rounds)
        {
            // The kill came at the round's kill point, drawn between 25 and 75; requests still in flight may have been acknowledged after it.
            Assert.InRange(round.KillAt, 25, 75);
            Assert.True(round.Acknowledged >= round.KillAt, $"round {round.Round}: {round.Acknowledged} acknowledged, kill at {round.KillAt}");
            Assert.Equal(round.Sent, round.Acknowledged + round.Unacknowledged);
            Assert.Equal(round.Unacknowledged, round.UnacknowledgedPresent + round.UnacknowledgedAbsent);
            Assert.Empty(round.Check.Problems);
            // Each check covers every commit so far, and finds each acknowledged one at its uid with the content sent.
            Assert.Equal(report.Rounds.Where(r => r.Round <= round.Round).Sum(r => r.Acknowledged), round.Check.Acknowledged);
            Assert.Equal(round.Check.Acknowledged, round.Check.AcknowledgedIntact);
        }

        var acknowledged = report.Rounds.Sum(r => r.Acknowledged);
        Assert.Equal(acknowledged, report.Acknowledged);
        Assert.Equal(acknowledged, report.AcknowledgedIntact);
        Assert.Equal(report.Rounds.Sum(r => r.UnacknowledgedPresent), report.UnacknowledgedPresent);
        // Each commit is one version: the database holds the acknowledged ones and the unacknowledged ones found, nothing else.
        Assert.Equal(acknowledged + report.UnacknowledgedPresent, report.VersionsChecked);
        Assert.Contains("Crash run", run.Stdout);
    }

    [Fact]
    public async Task The_database_checks_find_a_version_cut_in_half()
    {
        Assert.True(run.ExitCode == 0, run.Stderr);
        var options = new EmbeddedPostgresOptions { DataDirectory = run.DataDirectory };
        options.Settings["shared_buffers"] = "32MB";
        await using var postgres = new EmbeddedPostgres(options);
        await postgres.StartAsync();
        await using var dataSource = NpgsqlDataSource.Create(postgres.ConnectionString);
        var ehrs = new List<Guid>();
        await using (var reader = await dataSource.CreateCommand("SELECT ehr_id FROM ehr").ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                ehrs.Add(reader.GetGuid(0));
            }
        }

        var before = await DatabaseSnapshot.ReadAsync(postgres.ConnectionString, ehrs, CancellationToken.None);
        Assert.Empty(before.Problems);
        Assert.Equal(run.Report!.VersionsChecked, before.Versions.Count);
        Assert.All(before.Versions, v => Assert.True(v.HasContribution && v.LeafRows > 0 && v.WriteAudits == 1 && v.Marker is not null));
        var firstVersions = before.Versions.Where(v => v.Version == 1 && v.IsLatest).ToList();
        Assert.True(firstVersions.Count >= 3);
        var (lost, leafless, unpointed) = (firstVersions[0], firstVersions[1], firstVersions[2]);

        // A version row gone with the rest of its write left behind; leaf rows gone from a version; a latest_version gone.
        await using (var cut = dataSource.CreateCommand("""
            DELETE FROM object_version WHERE ehr_id = @lost_ehr AND object_id = @lost;
            DELETE FROM leaf_value WHERE ehr_id = @leafless_ehr
                AND version_key = (SELECT version_key FROM object_version WHERE ehr_id = @leafless_ehr AND object_id = @leafless AND version = 1);
            DELETE FROM latest_version WHERE ehr_id = @unpointed_ehr AND object_id = @unpointed;
            """))
        {
            cut.Parameters.AddWithValue("lost_ehr", lost.EhrId);
            cut.Parameters.AddWithValue("lost", lost.ObjectId);
            cut.Parameters.AddWithValue("leafless_ehr", leafless.EhrId);
            cut.Parameters.AddWithValue("leafless", leafless.ObjectId);
            cut.Parameters.AddWithValue("unpointed_ehr", unpointed.EhrId);
            cut.Parameters.AddWithValue("unpointed", unpointed.ObjectId);
            Assert.Equal(1 + leafless.LeafRows + 1, await cut.ExecuteNonQueryAsync());
        }

        var after = await DatabaseSnapshot.ReadAsync(postgres.ConnectionString, ehrs, CancellationToken.None);
        Assert.Equal(
            [
                "contribution without versions",
                "latest_version is not the newest version",
                "leaf rows without their version",
                "versioned object without latest_version",
                "versioned object without versions",
                "write audit record without its version",
            ],
            after.Problems.Select(p => p.Kind).Distinct().Order(StringComparer.Ordinal));
        Assert.All(after.Problems.Where(p => p.Kind != "versioned object without latest_version"), p => Assert.Contains(lost.EhrId.ToString(), p.Detail));
        Assert.Contains(after.Problems, p => p.Kind == "versioned object without latest_version" && p.Detail.Contains(unpointed.ObjectId.ToString(), StringComparison.Ordinal));
        Assert.Equal(0, Assert.Single(after.Versions, v => v.ObjectId == leafless.ObjectId).LeafRows);
        Assert.DoesNotContain(after.Versions, v => v.ObjectId == lost.ObjectId);
    }
}
