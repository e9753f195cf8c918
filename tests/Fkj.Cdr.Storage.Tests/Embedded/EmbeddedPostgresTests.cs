using Fkj.Cdr.Storage.Embedded;
using Fkj.Cdr.Storage.Tests.Support;
using Npgsql;

namespace Fkj.Cdr.Storage.Tests.Embedded;

/// <summary>
/// Start, stop and restart of the embedded server. Apart from the first test, which needs a fresh
/// directory, the tests take turns on one data directory (tests of a class run one after another),
/// each starting and stopping its own server on it.
/// </summary>
public sealed class EmbeddedPostgresTests : IClassFixture<EmbeddedPostgresTests.LifecycleDirectory>
{
    private readonly LifecycleDirectory _shared;

    public EmbeddedPostgresTests(LifecycleDirectory shared) => _shared = shared;

    public sealed class LifecycleDirectory : IDisposable
    {
        public TempDirectory Directory { get; } = new("fkj-life");

        public EmbeddedPostgres NewServer() => new(new EmbeddedPostgresOptions { DataDirectory = Directory.Path });

        public void Dispose()
        {
            // Every test stops its server; make sure nothing is left before the files go.
            foreach (var pid in ProcessProbe.WithCommandLineContaining(Directory.Path))
            {
                try
                {
                    System.Diagnostics.Process.GetProcessById(pid).Kill();
                }
                catch (ArgumentException)
                {
                }
            }
            Directory.Dispose();
        }
    }

    [Fact]
    public async Task FirstStartInitialisesClusterAndServesTheApplicationDatabase()
    {
        using var dir = new TempDirectory();
        await using var server = new EmbeddedPostgres(new EmbeddedPostgresOptions { DataDirectory = Path.Combine(dir.Path, "data") });
        Assert.False(server.IsInitialized);

        await server.StartAsync();

        Assert.True(server.IsInitialized);
        Assert.True(server.IsRunning);
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT current_user, current_database(), host(inet_server_addr()), inet_server_port(), " +
            "current_setting('server_encoding'), current_setting('fsync'), current_setting('max_connections'), " +
            "current_setting('shared_buffers'), current_setting('data_checksums')", connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("fkj", reader.GetString(0));
        Assert.Equal("fkj", reader.GetString(1));
        Assert.Equal("127.0.0.1", reader.GetString(2));
        Assert.Equal(server.Port, reader.GetInt32(3));
        Assert.Equal("UTF8", reader.GetString(4));
        Assert.Equal("on", reader.GetString(5));
        Assert.Equal("200", reader.GetString(6));
        Assert.Equal("256MB", reader.GetString(7));
        Assert.Equal("on", reader.GetString(8));
    }

    [Fact]
    public async Task PasswordIsGeneratedPrivateAndRequired()
    {
        await using var server = _shared.NewServer();
        await server.StartAsync();

        var mode = File.GetUnixFileMode(server.PasswordFile);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode);
        var password = (await File.ReadAllTextAsync(server.PasswordFile)).Trim();
        Assert.True(password.Length >= 32);

        var wrong = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Password = "not-the-password", Pooling = false };
        await using var connection = new NpgsqlConnection(wrong.ConnectionString);
        var error = await Assert.ThrowsAsync<PostgresException>(() => connection.OpenAsync());
        Assert.Equal(PostgresErrorCodes.InvalidPassword, error.SqlState);

        await server.StopAsync();
    }

    [Fact]
    public async Task RestartReusesTheClusterAndKeepsCommittedData()
    {
        long systemId;
        var marker = Guid.NewGuid().ToString();
        int firstPid;
        await using (var server = _shared.NewServer())
        {
            await server.StartAsync();
            systemId = await Sql.ScalarAsync<long>(server.ConnectionString, "SELECT system_identifier FROM pg_control_system()");
            await Sql.ExecuteAsync(server.ConnectionString, "CREATE TABLE IF NOT EXISTS restart_probe (value text)");
            await Sql.ExecuteAsync(server.ConnectionString, $"INSERT INTO restart_probe VALUES ('{marker}')");
            firstPid = server.ReadPostmasterPid()!.Value;

            await server.StopAsync();

            Assert.False(server.IsRunning);
            Assert.Null(server.ReadPostmasterPid());
            Assert.True(await ProcessProbe.WaitUntilGoneAsync(firstPid, TimeSpan.FromSeconds(10)));
            Assert.Empty(ProcessProbe.WithCommandLineContaining(server.ClusterDirectory));
        }

        await using (var server = _shared.NewServer())
        {
            await server.StartAsync();
            // Same cluster (no second initdb), same data.
            Assert.Equal(systemId, await Sql.ScalarAsync<long>(server.ConnectionString, "SELECT system_identifier FROM pg_control_system()"));
            Assert.Equal(1L, await Sql.ScalarAsync<long>(server.ConnectionString, $"SELECT count(*) FROM restart_probe WHERE value = '{marker}'"));
            await server.StopAsync();
        }
    }

    [Fact]
    public async Task StartStopsAServerLeftRunningByAKilledProcess()
    {
        var first = _shared.NewServer();
        await first.StartAsync();
        var orphanPid = first.ReadPostmasterPid()!.Value;
        // As if our process had been killed with SIGKILL: the server runs on, its owner is gone.
        first.AbandonWithoutStopping();
        Assert.True(ProcessProbe.IsAlive(orphanPid));

        await using var second = _shared.NewServer();
        await second.StartAsync();

        Assert.False(ProcessProbe.IsAlive(orphanPid));
        Assert.NotEqual(orphanPid, second.ReadPostmasterPid());
        Assert.Equal(1, await Sql.ScalarAsync<int>(second.ConnectionString, "SELECT 1"));
        await second.StopAsync();
    }

    [Fact]
    public async Task StartRecoversFromTheStalePidFileOfAKilledServer()
    {
        var first = _shared.NewServer();
        await first.StartAsync();
        await Sql.ExecuteAsync(first.ConnectionString, "CREATE TABLE IF NOT EXISTS crash_probe (value int)");
        await Sql.ExecuteAsync(first.ConnectionString, "INSERT INTO crash_probe VALUES (42)");
        var pid = first.ReadPostmasterPid()!.Value;
        first.AbandonWithoutStopping();
        System.Diagnostics.Process.GetProcessById(pid).Kill();
        Assert.True(await ProcessProbe.WaitUntilGoneAsync(pid, TimeSpan.FromSeconds(10)));
        Assert.Equal(pid, first.ReadPostmasterPid()); // the stale pid file is still there

        await using var second = _shared.NewServer();
        await second.StartAsync();

        // Crash recovery kept the acknowledged commit.
        Assert.True(await Sql.ScalarAsync<long>(second.ConnectionString, "SELECT count(*) FROM crash_probe WHERE value = 42") >= 1);
        await second.StopAsync();
    }

    [Fact]
    public async Task ASecondServerOnTheSameDataDirectoryIsRefusedWhileTheFirstRuns()
    {
        await using var first = _shared.NewServer();
        await first.StartAsync();
        var pid = first.ReadPostmasterPid();

        await using var second = _shared.NewServer();
        var error = await Assert.ThrowsAsync<EmbeddedPostgresException>(() => second.StartAsync());

        Assert.Contains("in use", error.Message);
        Assert.False(second.IsRunning);
        Assert.Equal(pid, first.ReadPostmasterPid());
        Assert.Equal(1, await Sql.ScalarAsync<int>(first.ConnectionString, "SELECT 1"));
        await first.StopAsync();
    }

    [Fact]
    public async Task DisposeStopsTheServer()
    {
        var server = _shared.NewServer();
        await server.StartAsync();
        var pid = server.ReadPostmasterPid()!.Value;

        await server.DisposeAsync();

        Assert.True(await ProcessProbe.WaitUntilGoneAsync(pid, TimeSpan.FromSeconds(10)));
        Assert.Null(server.ReadPostmasterPid());
    }

    [Fact]
    public void SocketDirectoryIsDroppedWhenItsPathIsTooLong()
    {
        Assert.Equal("/tmp/x/run", PostgresSettings.SocketDirectoryFor("/tmp/x/run", 5432));
        Assert.Null(PostgresSettings.SocketDirectoryFor("/tmp/" + new string('a', 100), 5432));
        var conf = PostgresSettings.Render(5432, null, []);
        Assert.Contains("unix_socket_directories = ''", conf);
        Assert.Contains("listen_addresses = '127.0.0.1'", conf);
    }
}
