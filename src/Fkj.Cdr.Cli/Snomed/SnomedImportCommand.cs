using System.Globalization;
using Fkj.Cdr.Cli.Import;
using Fkj.Cdr.Storage;
using Fkj.Cdr.Terminology.Rf2;
using Fkj.Cdr.Terminology.Storage;
using Microsoft.Extensions.Logging;

namespace Fkj.Cdr.Cli.Snomed;

/// <summary>
/// <c>snomed import PATH [PATH...] (--url http://127.0.0.1:PORT | --data-dir DIR)</c>: imports RF2 Snapshot releases
/// (folders or zips; an International release and national extensions together) into a CDR. With <c>--data-dir</c>
/// straight into the database of a stopped server (its embedded PostgreSQL, started for the import), with
/// <c>--url</c> through a running server's admin endpoint, which rebuilds its index afterwards. Idempotent: a re-run
/// reports nothing new and changes nothing.
/// </summary>
public static class SnomedImportCommand
{
    public const string Usage = "       snomed import PATH [PATH...] (--url http://127.0.0.1:PORT | --data-dir DIR) [--quiet]\n";

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var paths = new List<string>();
        string? url = null;
        string? dataDir = null;
        var quiet = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--url" when i + 1 < args.Length: url = args[++i]; break;
                case "--data-dir" when i + 1 < args.Length: dataDir = args[++i]; break;
                case "--quiet": quiet = true; break;
                case var a when a.StartsWith("--", StringComparison.Ordinal):
                    stderr.WriteLine($"snomed import: unknown option {a}");
                    return 2;
                default: paths.Add(args[i]); break;
            }
        }

        if (paths.Count == 0 || (url is null) == (dataDir is null))
        {
            stderr.WriteLine("snomed import: give one or more release folders or zips, and either --url or --data-dir");
            stderr.Write(Usage);
            return 2;
        }

        foreach (var path in paths.Where(p => !Directory.Exists(p) && !File.Exists(p)))
        {
            stderr.WriteLine($"snomed import: no release folder or zip at {path}");
            return 2;
        }

        try
        {
            return url is not null
                ? SnomedServerImport.RunAsync(paths, url, stdout, stderr, quiet).GetAwaiter().GetResult()
                : RunOnDatabaseAsync(paths, dataDir!, stdout, stderr, quiet).GetAwaiter().GetResult();
        }
        catch (Rf2FormatException e)
        {
            stderr.WriteLine($"snomed import: {e.Message}; nothing was imported");
            return 1;
        }
        catch (Exception e) when (e is Storage.Embedded.EmbeddedPostgresException or Npgsql.NpgsqlException or IOException
            or UnauthorizedAccessException or HttpRequestException or InvalidDataException)
        {
            stderr.WriteLine($"snomed import: {e.Message}");
            return 1;
        }
    }

    /// <summary>The name an import is recorded under: the release folders' or zips' names.</summary>
    public static string NameOf(IEnumerable<string> paths) =>
        string.Join(" + ", paths.Select(p => Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(p)))));

    public static void Summarise(SnomedImportResult result, TextWriter stdout)
    {
        var c = CultureInfo.InvariantCulture;
        var tables = string.Join(", ", result.Read.Select(kv => string.Create(c, $"{kv.Key} {kv.Value:N0} read, {result.Changed.GetValueOrDefault(kv.Key):N0} new or newer")));
        stdout.WriteLine(string.Create(c, $"snomed import: {result.Name} in {result.Elapsed.TotalSeconds:0.0} s: {tables}"));
        stdout.WriteLine(result.ChangedNothing
            ? "snomed import: nothing new; the tables are unchanged"
            : result.ClosureRows is { } closure
                ? string.Create(c, $"snomed import: IS-A closure recomputed, {closure:N0} rows")
                : "snomed import: the IS-A closure is unchanged");
    }

    private static async Task<int> RunOnDatabaseAsync(List<string> paths, string dataDir, TextWriter stdout, TextWriter stderr, bool quiet)
    {
        var release = Rf2Release.Open([.. paths]);
        if (SnomedStore.ImportedFiles(release).Count == 0)
        {
            stderr.WriteLine("snomed import: no RF2 Snapshot files (sct2_*Snapshot*.txt, der2_*Snapshot*.txt) in " + string.Join(", ", paths));
            return 1;
        }

        using var loggerFactory = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        var storage = new StorageOptions { DataDirectory = dataDir };
        foreach (var (k, v) in DatabaseImport.BulkSettings)
        {
            storage.EmbeddedSettings[k] = v;
        }

        await using var database = await CdrDatabase.OpenAsync(storage, loggerFactory);
        var store = new SnomedStore(database.DataSource);
        SnomedImportResult result;
        using (var bar = quiet ? null : new SnomedImportProgressBar(stderr, !Console.IsErrorRedirected))
        {
            result = await Task.Run(() => store.Import(release, NameOf(paths), bar));
        }

        Summarise(result, stdout);
        return 0;
    }
}
