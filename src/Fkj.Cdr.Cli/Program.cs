using System.Diagnostics;
using System.Globalization;
using Fkj.Cdr.Cli.Generate;
using Fkj.Cdr.Cli.Import;

namespace Fkj.Cdr.Cli;

/// <summary>The fkj command-line tools. <c>./fkj generate ...</c> runs <c>Fkj.Cdr.Cli generate ...</c>.</summary>
public static class Program
{
    public const string Usage = """
        Usage: Fkj.Cdr.Cli <command> [options]

        Commands:
          generate    Write a synthetic population (EHRs and vital-signs compositions) to files.
          import      Import such a population into a CDR (a running server, or a stopped server's database).
          snomed      SNOMED CT tools: 'snomed generate' writes a synthetic RF2 release, 'snomed import' loads releases into a CDR, 'snomed measure' times the index.
          help        Show this text; 'generate --help', 'import --help' and 'snomed --help' show their options.
        """;

    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs a command; 0 on success, 2 for a wrong command line, 1 for a failure.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] is "help" or "-h" or "--help")
        {
            stdout.Write(Usage);
            return args.Length == 0 ? 2 : 0;
        }

        var rest = args[1..];
        switch (args[0])
        {
            case "generate":
                if (rest.Any(a => a is "-h" or "--help" or "help"))
                {
                    stdout.Write(GenerateOptions.Usage);
                    return 0;
                }

                try
                {
                    return Generate(GenerateOptions.Parse(rest), stderr);
                }
                catch (UsageException e)
                {
                    stderr.WriteLine($"generate: {e.Message}");
                    stderr.WriteLine("Run 'generate --help' for the options.");
                    return 2;
                }
                catch (IOException e)
                {
                    stderr.WriteLine($"generate: {e.Message}");
                    return 1;
                }
                catch (UnauthorizedAccessException e)
                {
                    stderr.WriteLine($"generate: {e.Message}");
                    return 1;
                }
                catch (AggregateException e) when (e.InnerException is IOException or UnauthorizedAccessException)
                {
                    // A write failed on one of the worker threads (disk full, permissions).
                    stderr.WriteLine($"generate: {e.InnerException.Message}");
                    return 1;
                }

            case "import":
                if (rest.Any(a => a is "-h" or "--help" or "help"))
                {
                    stdout.Write(ImportOptions.Usage);
                    return 0;
                }

                try
                {
                    var options = ImportOptions.Parse(rest);
                    using var cancel = new CancellationTokenSource();
                    ConsoleCancelEventHandler stop = (_, e) =>
                    {
                        // The first Ctrl-C stops the import cleanly: open transactions roll back, the database is stopped.
                        e.Cancel = true;
                        cancel.Cancel();
                    };
                    Console.CancelKeyPress += stop;
                    try
                    {
                        var interactive = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;
                        return ImportCommand.RunAsync(options, stderr, interactive, cancel.Token).GetAwaiter().GetResult().ExitCode;
                    }
                    finally
                    {
                        Console.CancelKeyPress -= stop;
                    }
                }
                catch (UsageException e)
                {
                    stderr.WriteLine($"import: {e.Message}");
                    stderr.WriteLine("Run 'import --help' for the options.");
                    return 2;
                }
                catch (ImportException e)
                {
                    stderr.WriteLine($"import: {e.Message}");
                    return 1;
                }
                catch (Exception e) when (e is Storage.Embedded.EmbeddedPostgresException or Npgsql.NpgsqlException or IOException
                    or UnauthorizedAccessException or HttpRequestException)
                {
                    // The database would not start (a running server holds the data directory, ...) or went away: what is
                    // committed stays, and a re-run goes on from there.
                    stderr.WriteLine($"import: {e.Message}");
                    if (e is not Storage.Embedded.EmbeddedPostgresException)
                    {
                        stderr.WriteLine("import: stopped; what was committed stays, and running it again imports the rest");
                    }
                    return 1;
                }
                catch (OperationCanceledException)
                {
                    stderr.WriteLine("import: stopped; run it again to import the rest");
                    return 130;
                }

            case "snomed":
                return Snomed.SnomedCommand.Run(rest, stdout, stderr);

            default:
                stderr.WriteLine($"unknown command '{args[0]}'");
                stderr.Write(Usage);
                return 2;
        }
    }

    private static int Generate(GenerateOptions options, TextWriter stderr)
    {
        var clock = Stopwatch.StartNew();
        var statistics = new PopulationWriter(options).Write();
        var seconds = clock.Elapsed.TotalSeconds;
        var c = CultureInfo.InvariantCulture;
        stderr.WriteLine(string.Create(c,
            $"generated {options.Ehrs} EHRs and {statistics.Compositions} compositions ({statistics.Bytes / 1e6:0.0} MB) in {seconds:0.00} s "
            + $"({statistics.Compositions / Math.Max(seconds, 1e-9):0} compositions/s) into {options.Out}"));
        return 0;
    }
}
