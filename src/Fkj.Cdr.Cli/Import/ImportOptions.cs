using System.Globalization;
using Fkj.Cdr.Cli.Generate;

namespace Fkj.Cdr.Cli.Import;

/// <summary>Where <c>import</c> writes to.</summary>
public enum ImportTarget
{
    /// <summary>A running server, through its REST API (<c>--url</c>).</summary>
    Server,

    /// <summary>The database of a stopped server: its embedded PostgreSQL (<c>--data-dir</c>) or another (<c>--connection-string</c>).</summary>
    Database,
}

/// <summary>The options of <c>import</c>.</summary>
public sealed record ImportOptions
{
    public const string Usage = """
        Usage: fkj import DIR (--url URL | --data-dir DIR | --connection-string S) [options]

        Imports what 'fkj generate' wrote to DIR (ehrs/, compositions/, manifest.json): each EHR with its
        EHR_STATUS (an EHR of the same subject is reused), then its compositions, each validated against its
        template, indexed for AQL and audited as the REST API does. A re-run skips what is stored already,
        so an interrupted import is finished by running it again; nothing is stored twice.

        Target (one of):
          --url URL                   A running server, e.g. http://127.0.0.1:5080 (REST API; the server validates).
          --data-dir DIR              The data directory of a stopped server (its embedded PostgreSQL is started here).
          --connection-string S       A PostgreSQL database of a CDR (Npgsql connection string), server stopped or not.

        Options:
          --tenant ID                 Tenant to import into (default: default).
          --system-id ID              The server's --system-id, in every version uid (default: fkj.cdr; database targets only).
          --batch N                   Compositions per transaction (database) or per contribution (--url); default 100 and 20.
          --threads T                 Threads that decode and validate (default: the number of processors).
          --writers W                 Concurrent transactions (database) or requests (--url); default 2 and 8.
          --baseline                  Also COPY the same documents into a plain jsonb table in the same database,
                                      and report that rate beside the import's (database targets; the table is dropped).
          --committer NAME            Committer and audit actor (default: fkj import).
          --quiet                     No progress bar.

        Exit status: 0 when every file is stored (now or before), 1 when some were refused (listed on stderr), 2 for a wrong command line.
        """;

    public required string Source { get; init; }
    public required ImportTarget Target { get; init; }
    public string? Url { get; init; }
    public string? DataDir { get; init; }
    public string? ConnectionString { get; init; }
    public string Tenant { get; init; } = "default";
    public string SystemId { get; init; } = "fkj.cdr";
    public int Batch { get; init; } = 100;
    public int Threads { get; init; } = Environment.ProcessorCount;
    public int Writers { get; init; } = 2;
    public bool Baseline { get; init; }
    public string Committer { get; init; } = "fkj import";
    public bool Quiet { get; init; }

    /// <summary>Reads the arguments after <c>import</c>; <c>--name value</c> and <c>--name=value</c> both work.</summary>
    /// <exception cref="UsageException">An option is unknown, missing, repeated or malformed.</exception>
    public static ImportOptions Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        string? source = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (source is not null) throw new UsageException($"unexpected argument '{arg}' (the directory is {source})");
                source = arg;
                continue;
            }
            var eq = arg.IndexOf('=');
            var name = eq < 0 ? arg : arg[..eq];
            if (name is "--baseline" or "--quiet")
            {
                if (eq >= 0) throw new UsageException($"{name} takes no value");
                if (!flags.Add(name)) throw new UsageException($"{name} is given twice");
                continue;
            }
            if (name is not ("--url" or "--data-dir" or "--connection-string" or "--tenant" or "--system-id" or "--batch" or "--threads"
                or "--writers" or "--committer"))
            {
                throw new UsageException($"unknown option '{name}'");
            }
            string value;
            if (eq >= 0) value = arg[(eq + 1)..];
            else if (i + 1 < args.Count) value = args[++i];
            else throw new UsageException($"{name} needs a value");
            if (!values.TryAdd(name, value)) throw new UsageException($"{name} is given twice");
        }

        if (string.IsNullOrEmpty(source)) throw new UsageException("the directory to import (what 'fkj generate' wrote) is missing");
        var targets = new[] { "--url", "--data-dir", "--connection-string" }.Where(values.ContainsKey).ToList();
        if (targets.Count != 1)
        {
            throw new UsageException(targets.Count == 0
                ? "give the target: --url URL (a running server), --data-dir DIR (a stopped server's data) or --connection-string S"
                : $"give one target, not {string.Join(" and ", targets)}");
        }
        var target = targets[0] == "--url" ? ImportTarget.Server : ImportTarget.Database;
        string? url = null;
        if (values.TryGetValue("--url", out var u))
        {
            if (!Uri.TryCreate(u, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https"))
                throw new UsageException($"--url must be an http or https address such as http://127.0.0.1:5080, not '{u}'");
            url = parsed.GetLeftPart(UriPartial.Path).TrimEnd('/');
        }
        if (flags.Contains("--baseline") && target == ImportTarget.Server)
            throw new UsageException("--baseline copies into the database: it needs --data-dir or --connection-string");
        if (values.ContainsKey("--system-id") && target == ImportTarget.Server)
            throw new UsageException("--system-id is the server's own with --url; it is for --data-dir and --connection-string");
        var systemId = values.GetValueOrDefault("--system-id", "fkj.cdr");
        if (systemId.Length == 0 || systemId.Contains("::", StringComparison.Ordinal) || systemId.Any(char.IsWhiteSpace))
            throw new UsageException($"--system-id: '{systemId}' is not a system id (a name without spaces or '::')");
        var tenant = values.GetValueOrDefault("--tenant", "default");
        if (tenant.Length == 0) throw new UsageException("--tenant must name a tenant");
        var committer = values.GetValueOrDefault("--committer", "fkj import");
        if (string.IsNullOrWhiteSpace(committer)) throw new UsageException("--committer must name someone");

        return new ImportOptions
        {
            Source = source,
            Target = target,
            Url = url,
            DataDir = values.GetValueOrDefault("--data-dir"),
            ConnectionString = values.GetValueOrDefault("--connection-string"),
            Tenant = tenant,
            SystemId = systemId,
            Batch = values.TryGetValue("--batch", out var batch) ? Count("--batch", batch, 1, 10_000) : target == ImportTarget.Server ? 20 : 100,
            Threads = values.TryGetValue("--threads", out var threads) ? Count("--threads", threads, 1, 256) : Environment.ProcessorCount,
            Writers = values.TryGetValue("--writers", out var writers) ? Count("--writers", writers, 1, 256) : target == ImportTarget.Server ? 8 : 2,
            Baseline = flags.Contains("--baseline"),
            Committer = committer,
            Quiet = flags.Contains("--quiet"),
        };
    }

    private static int Count(string name, string text, int min, int max) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new UsageException($"{name} must be a whole number from {min} to {max}");
}
