using Fkj.Cdr.Load.Options;
using Fkj.Cdr.Storage.Embedded;
using Npgsql;

namespace Fkj.Cdr.Load.Crash;

/// <summary><c>benchmarks/load --scenario crash</c>: runs <see cref="CrashRun"/> and writes <c>crash-{time}.json</c> and <c>.md</c>.</summary>
public static class CrashCommand
{
    public const string Scenario = "crash";

    /// <summary>True when the command line asks for the crash scenario, which runs alone, on a server the harness starts.</summary>
    public static bool Wanted(LoadOptions options)
    {
        if (!options.Scenarios.Contains(Scenario, StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }
        if (options.Scenarios.Count > 1)
        {
            throw new OptionException("--scenario crash runs alone: it kills the server the other scenarios measure.");
        }
        if (options.Url is not null || options.ConnectionString is not null)
        {
            throw new OptionException("--scenario crash starts and kills its own server on its own data directory (--data-dir or a temp dir): --url and --connection-string do not apply.");
        }
        if (options.Mode != LoadMode.Closed)
        {
            throw new OptionException("--scenario crash runs closed-loop clients (--clients), not --mode open.");
        }
        return true;
    }

    /// <summary>0 when every round ran and every check passed; 1 otherwise.</summary>
    public static async Task<int> RunAsync(LoadOptions options, string commandLine, TextWriter stdout, TextWriter progress, CancellationToken cancellationToken)
    {
        CrashReport report;
        try
        {
            report = await CrashRun.RunAsync(options, commandLine, progress, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is LoadSetupException or EmbeddedPostgresException or NpgsqlException or HttpRequestException)
        {
            await progress.WriteLineAsync($"load: crash: {e.Message}").ConfigureAwait(false);
            return 1;
        }
        var (json, markdown) = Write(report, options.OutputDirectory);
        await stdout.WriteLineAsync(CrashMarkdown.Render(report)).ConfigureAwait(false);
        await progress.WriteLineAsync($"results: {json}\n         {markdown}").ConfigureAwait(false);
        return report.Passed ? 0 : 1;
    }

    private static (string Json, string Markdown) Write(CrashReport report, string directory)
    {
        Directory.CreateDirectory(directory);
        var stem = Path.Combine(directory, $"crash-{report.StartedAt.UtcDateTime:yyyyMMdd-HHmmss}");
        File.WriteAllText(stem + ".json", System.Text.Json.JsonSerializer.Serialize(report, Reporting.ReportFiles.JsonOptions) + "\n");
        File.WriteAllText(stem + ".md", CrashMarkdown.Render(report));
        return (stem + ".json", stem + ".md");
    }
}
