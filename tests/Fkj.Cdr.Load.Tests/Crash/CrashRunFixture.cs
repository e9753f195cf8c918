using System.Reflection;
using System.Text.Json;
using Fkj.Cdr.Load.Crash;
using Fkj.Cdr.Load.Hosting;
using Fkj.Cdr.Load.Reporting;
using Fkj.Cdr.Testing;

namespace Fkj.Cdr.Load.Tests.Crash;

/// <summary>
/// One small crash run against the real server, built in this test's configuration and started as a process:
/// 2 clients, 2 rounds of about 50 acknowledged commits each, the first killing the server alone, the second
/// its PostgreSQL too. The data directory is kept for the tests to look into.
/// </summary>
public sealed class CrashRunFixture : IAsyncLifetime
{
    private readonly TempDirectory _directory = new("fkj-crash-test");

    public string DataDirectory => Path.Combine(_directory.Path, "cdr");

    public int ExitCode { get; private set; }

    public string Stdout { get; private set; } = "";

    public string Stderr { get; private set; } = "";

    public CrashReport? Report { get; private set; }

    public static string ServerDll
    {
        get
        {
            var configuration = typeof(CrashRunFixture).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
            return Path.Combine(RepositoryPaths.Root(), "src", "Fkj.Cdr.Server", "bin", configuration, "net10.0", "Fkj.Cdr.Server.dll");
        }
    }

    public async Task InitializeAsync()
    {
        var output = Path.Combine(_directory.Path, "out");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        ExitCode = await LoadHarness.RunAsync(
        [
            "--scenario", "crash", "--clients", "2", "--kills", "2", "--kill-after", "50", "--kill-postgres", "alternate",
            "--ehrs", "3", "--variants", "12", "--seed", "7", "--server-dll", ServerDll, "--data-dir", DataDirectory,
            "--out", output, "--time-limit", "5m",
        ], TextWriter.Synchronized(stdout), TextWriter.Synchronized(stderr));
        Stdout = stdout.ToString();
        Stderr = stderr.ToString();
        var json = Directory.Exists(output) ? Directory.GetFiles(output, "crash-*.json").SingleOrDefault() : null;
        Report = json is null ? null : JsonSerializer.Deserialize<CrashReport>(await File.ReadAllTextAsync(json), ReportFiles.JsonOptions);
    }

    public Task DisposeAsync()
    {
        _directory.Dispose();
        return Task.CompletedTask;
    }
}
