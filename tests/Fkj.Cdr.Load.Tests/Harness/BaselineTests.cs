using System.Text.Json;
using Fkj.Cdr.Load.Reporting;
using Fkj.Cdr.Load.Tests.Support;
using Fkj.Cdr.Storage.Embedded;
using Fkj.Cdr.Testing;
using Npgsql;

namespace Fkj.Cdr.Load.Tests.Harness;

/// <summary>The Npgsql baselines and the storage figures, on an embedded PostgreSQL, beside the fake server.</summary>
public sealed class BaselineTests : IAsyncLifetime
{
    private readonly TempDirectory _directory = new("fkj-load-pg");
    private EmbeddedPostgres _postgres = null!;

    public async Task InitializeAsync()
    {
        var options = new EmbeddedPostgresOptions { DataDirectory = Path.Combine(_directory.Path, "db") };
        options.Settings["shared_buffers"] = "32MB";
        _postgres = new EmbeddedPostgres(options);
        await _postgres.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _postgres.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task Each_level_runs_the_baseline_beside_the_server_and_storage_is_per_item()
    {
        await using var server = await FakeCdrServer.StartAsync();
        var output = Path.Combine(_directory.Path, "out");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await LoadHarness.RunAsync(
        [
            "--url", server.Url.ToString(), "--connection-string", _postgres.ConnectionString,
            "--scenario", "commit,read", "--clients", "2", "--requests", "40", "--duration", "30s", "--warmup", "5",
            "--ehrs", "2", "--read-set", "20", "--variants", "8", "--out", output,
        ], TextWriter.Synchronized(stdout), TextWriter.Synchronized(stderr));

        Assert.True(code == 0, stderr.ToString());
        var report = JsonSerializer.Deserialize<LoadReportView>(
            File.ReadAllText(Assert.Single(Directory.GetFiles(output, "load-*.json"))), ReportFiles.JsonOptions)!;
        Assert.StartsWith("15", report.PostgresVersion ?? "");
        Assert.Equal(
            ["commit baseline", "commit server", "read baseline", "read server"],
            report.Results.Select(r => $"{r.Scenario} {r.Target}"));
        Assert.All(report.Results, r => Assert.Equal(40, r.Succeeded));
        Assert.All(report.Results, r => Assert.Equal(2, r.Clients));

        // 5 warm-up and 40 measured inserts; the 40 measured ones are what the storage figure divides by.
        var baseline = Assert.Single(report.Storage, s => s.Target == "baseline");
        Assert.Equal(40, baseline.Items);
        Assert.True(baseline.BytesAfter > baseline.BytesBefore);
        Assert.InRange(baseline.BytesPerItem, 500, 100_000);
        Assert.Equal(["public.baseline_doc"], baseline.GrowthByTable.Keys);
        // The fake server writes nothing to PostgreSQL: the CDR side grew by nothing.
        var cdr = Assert.Single(report.Storage, s => s.Target == "server");
        Assert.Equal(40, cdr.Items);
        Assert.Equal(0, cdr.BytesPerItem);

        Assert.Contains("| commit | server | 2 clients | 40 |", stdout.ToString());

        // The baseline table is dropped at the end.
        await using var dataSource = NpgsqlDataSource.Create(_postgres.ConnectionString);
        await using var exists = dataSource.CreateCommand("SELECT to_regclass('public.baseline_doc') IS NOT NULL");
        Assert.False((bool)(await exists.ExecuteScalarAsync())!);
    }
}
