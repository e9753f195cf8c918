using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Fkj.Cdr.Cli.Import;

/// <summary>What an import did, for the summary and for tests.</summary>
public sealed record ImportSummary(long Stored, long Skipped, long Refused, long EhrsCreated, double Seconds, IReadOnlyList<ImportProblem> Problems,
    DatabaseImportResult? Database, ServerImportResult? Server)
{
    public double Rate => Stored / Math.Max(Seconds, 1e-9);
}

/// <summary><c>fkj import DIR ...</c>: opens the source, runs the import into its target with a progress bar, and sums up.</summary>
public static class ImportCommand
{
    /// <summary>Runs the import; the exit code is 0 when every file is stored (now or before), 1 when some were refused.</summary>
    public static async Task<(int ExitCode, ImportSummary Summary)> RunAsync(ImportOptions options, TextWriter stderr, bool interactive, CancellationToken cancellationToken)
    {
        var source = PopulationSource.Open(options.Source);
        ImportSummary summary;
        await using (var progress = new ImportProgress(stderr, source.Compositions, interactive, options.Quiet))
        {
            var problems = new ImportProblems(progress);
            using var loggerFactory = LoggerFactory.Create(b => b
                .AddSimpleConsole(o => o.SingleLine = true)
                .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
                .SetMinimumLevel(LogLevel.Warning));
            DatabaseImportResult? database = null;
            ServerImportResult? server = null;
            if (options.Target == ImportTarget.Database)
            {
                database = await new DatabaseImport(options, source, progress, problems, loggerFactory).RunAsync(cancellationToken);
            }
            else
            {
                server = await new ServerImport(options, source, progress, problems).RunAsync(cancellationToken);
            }
            summary = new ImportSummary(progress.Stored, progress.Skipped, progress.Refused, progress.EhrsCreated,
                database?.Seconds ?? server!.Seconds, problems.List, database, server);
        }
        foreach (var line in Describe(summary, options, source))
        {
            stderr.WriteLine(line);
        }
        return (summary.Refused > 0 ? 1 : 0, summary);
    }

    /// <summary>The summary's lines: counts and rate; the database's size per composition; the baseline beside the import.</summary>
    public static IEnumerable<string> Describe(ImportSummary s, ImportOptions options, PopulationSource source)
    {
        var c = CultureInfo.InvariantCulture;
        var target = options.Target == ImportTarget.Server ? options.Url : options.ConnectionString is null ? $"data directory {options.DataDir}" : "the database";
        yield return string.Create(c,
            $"imported {s.Stored:N0} compositions and created {s.EhrsCreated:N0} EHRs in {s.Seconds:0.0} s ({s.Rate:N0} compositions/s) from {source.Root} into {target}, tenant {options.Tenant}; "
            + $"{s.Skipped:N0} were stored before, {s.Refused:N0} refused{(s.Refused > 0 ? " (listed above)" : "")}");
        if (s.Server is { } server && server.Overloaded > 0)
        {
            yield return string.Create(c, $"the server was at capacity {server.Overloaded:N0} times (503, waited as Retry-After said) in {server.Requests:N0} requests");
        }
        if (s.Database is { } db)
        {
            yield return string.Create(c, $"database: {db.CompositionsInTenant:N0} compositions in tenant {options.Tenant}, {db.BytesPerComposition:N0} bytes per composition (every CDR table with TOAST and indexes)");
            if (db.Baseline is { } baseline)
            {
                yield return string.Create(c, $"{baseline}; the import stored {s.Rate / Math.Max(baseline.Rate, 1e-9):0.00}× the baseline's rate, at {db.BytesPerComposition / Math.Max(baseline.BytesPerDocument, 1):0.00}× its bytes per document");
            }
        }
    }
}
