namespace Fkj.Cdr.Server.Hosting;

/// <summary>The verb and options of the command line.</summary>
/// <param name="Verb">serve or help.</param>
/// <param name="Options">The option arguments after the verb.</param>
public sealed record CommandLine(string Verb, string[] Options)
{
    public const string Usage = """
        Usage: Fkj.Cdr.Server [serve] [options]

        Commands:
          serve                       Run the CDR server (the default).
          help                        Show this text.

        Options (also FKJ_<NAME> environment variables and appsettings.json):
          --port N                    HTTP port (default 5080; 0 picks a free port).
          --bind ADDRESS              Address to listen on (default 127.0.0.1).
          --data-dir DIR              Data directory of the embedded PostgreSQL (default ./.fkj).
          --connection-string S       Use this PostgreSQL instead of the embedded one.
          --log-format json|simple    Console log format (default json).
          --max-template-size BYTES   Largest template (OPT) accepted for upload (default 10485760, 10 MiB).
          --max-body-size BYTES       Largest composition, EHR_STATUS or contribution body (default 10485760, 10 MiB).
          --system-id ID              This EHR system's id, in every version uid and audit (default fkj.cdr).
          --sync-read-audit true      Commit the audit record of each read synchronously (default false: asynchronous).
          --max-concurrent-requests N Requests that run at once (default 4 per core, at least 8).
          --max-queued-requests N     Requests that may wait beyond those; more get 503 + Retry-After (default 256).
          --aql-default-fetch N       Rows an AQL query returns when neither LIMIT nor fetch says (default 1000).
          --aql-max-fetch N           The most rows an AQL query returns in one answer (default 10000).
          --aql-timeout SECONDS       Longest an AQL query may run before it is cancelled, 503 (default 30).
        """;

    /// <summary>Splits off the verb (serve when absent) and checks that every option is known.</summary>
    public static CommandLine Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var verb = "serve";
        var rest = args;
        if (args.Length > 0 && !args[0].StartsWith('-'))
        {
            verb = args[0];
            rest = args[1..];
        }
        if (args.Any(a => a is "-h" or "--help" or "-?"))
        {
            verb = "help";
        }
        if (verb is not ("serve" or "help"))
        {
            throw new CommandLineException($"Unknown command '{verb}'.");
        }
        for (var i = 0; i < rest.Length; i++)
        {
            var arg = rest[i];
            if (verb == "help")
            {
                break;
            }
            var name = arg.Split('=', 2)[0];
            if (!ServerOptions.SwitchMappings.ContainsKey(name))
            {
                throw new CommandLineException(arg.StartsWith('-') ? $"Unknown option '{name}'." : $"Unexpected argument '{arg}'.");
            }
            if (!arg.Contains('=', StringComparison.Ordinal))
            {
                if (i + 1 >= rest.Length)
                {
                    throw new CommandLineException($"Option '{name}' needs a value.");
                }
                i++;
            }
        }
        return new CommandLine(verb, rest);
    }
}
