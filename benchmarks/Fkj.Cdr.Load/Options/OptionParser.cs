using System.Globalization;

namespace Fkj.Cdr.Load.Options;

/// <summary>Reads the command line (<c>--name value</c> or <c>--name=value</c>) into <see cref="LoadOptions"/>.</summary>
public static class OptionParser
{
    /// <summary>Upper bound on --requests: the per-request log is preallocated.</summary>
    public const int MaxRequests = 5_000_000;

    public const string Usage = """
        Fkj.Cdr.Load: the end-to-end load harness. Measures the server over HTTP on loopback, beside raw
        Npgsql baselines on the same PostgreSQL, bounded in requests and time.

        usage: benchmarks/load [options]

          --scenario LIST          commit, read, read-latest, aql-ehr, aql-population, aql-top, crash  [commit,read]
          --mode closed|open       closed: N clients as fast as they can; open: a fixed request rate  [closed]
          --clients LIST           closed-loop concurrency levels                    [1,4]
          --rates LIST             open-loop target rates, requests/s                [50,100,200]
          --max-in-flight N        open loop: outstanding requests at most; more are dropped  [256]
          --requests N             measured requests per level, at most              [2000]
          --duration T             time per level, at most (500ms, 30s, 2m)          [60s]
          --warmup N               unmeasured requests before a scenario's first level  [50]
          --db-sizes LIST          closed loop: fill the database to each size (compositions; the baseline
                                   table to as many rows), unmeasured, then run every level there  [none]
          --fill-clients N         concurrent commits while filling                  [8]
          --ehrs N                 EHRs the commit scenario spreads its commits over  [16]
          --read-set N             compositions the read scenarios read              [200]
          --variants N             distinct composition bodies                       [200]
          --seed N                 seed of the body variation                        [1]
          --url URL                measure a running server (loopback only) instead of starting one
          --connection-string S    PostgreSQL for baselines and storage (loopback only); without --url the
                                   started server uses it too. Default: an embedded PostgreSQL in a temp dir
          --data-dir DIR           data directory of that embedded PostgreSQL        [a temp dir, deleted]
                                   with --url: the running server's data directory; the baselines connect to
                                   its PostgreSQL (pg/postmaster.pid, superuser.password) and only read
          --server-dll PATH        the server to start    [src/Fkj.Cdr.Server/bin/Release/net10.0/Fkj.Cdr.Server.dll]
          --composition FILE       the composition to vary    [Data/vital-signs.json beside the harness]
          --no-baseline            skip the Npgsql baselines
          --tenant T               send X-Tenant: T
          --request-timeout T      per request                                       [30s]
          --time-limit T           the whole run, whatever is left                   [15m]
          --out DIR                JSON and markdown results                         [BenchmarkDotNet.Artifacts/load]
          --keep-data              keep the temp data directory and the server log

        AQL (POST /openehr/v1/query/aql, issue 6), each beside the same question in hand-written SQL over the
        CDR's tables, answers compared: aql-ehr, the latest 10 blood pressures of one EHR (a different EHR each
        request); aql-population, the EHRs with a systolic pressure above a bound in the last year; aql-top, the
        10 highest systolic pressures (ORDER BY ... LIMIT), with ?explain=true once: is there a full sort?
          --query-runs N           aql-population: rounds, query and baseline taking turns  [6]
          --systolic-above N       aql-population: the bound, mm[Hg]                 [140]

        crash (--scenario crash, alone): the harness starts the server on its own data directory (--data-dir
        or a temp dir), commits with the largest --clients clients, kills the server with SIGKILL, restarts
        it and checks every acknowledged commit and every version in the database.
          --kills N                kill-and-restart rounds                           [3]
          --kill-after N           acknowledged commits per round before the kill, about (N/2 to 3N/2, seeded)  [1000]
          --kill-postgres WHEN     never, alternate (every second round) or always: SIGKILL the
                                   server's PostgreSQL together with the server      [alternate]
        """;

    /// <summary>The options, or null when help was asked for.</summary>
    public static LoadOptions? Parse(IReadOnlyList<string> args)
    {
        var options = new LoadOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help" or "help")
            {
                return null;
            }
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new OptionException($"Unexpected argument '{arg}'.");
            }
            string name;
            string? inline = null;
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                name = arg[..eq];
                inline = arg[(eq + 1)..];
            }
            else
            {
                name = arg;
            }

            // Flags without a value.
            switch (name)
            {
                case "--no-baseline":
                    options.Baseline = false;
                    continue;
                case "--keep-data":
                    options.KeepData = true;
                    continue;
            }

            string value;
            if (inline is not null)
            {
                value = inline;
            }
            else if (i + 1 < args.Count)
            {
                value = args[++i];
            }
            else
            {
                throw new OptionException($"{name} needs a value.");
            }

            switch (name)
            {
                case "--scenario":
                case "--scenarios":
                    options.Scenarios = List(name, value, s => s.ToLowerInvariant());
                    break;
                case "--mode":
                    options.Mode = value.ToLowerInvariant() switch
                    {
                        "closed" => LoadMode.Closed,
                        "open" => LoadMode.Open,
                        _ => throw new OptionException($"--mode: '{value}' is neither closed nor open."),
                    };
                    break;
                case "--clients":
                    options.Clients = List(name, value, s => PositiveInt(name, s, 4096));
                    break;
                case "--rates":
                    options.Rates = List(name, value, s => PositiveDouble(name, s, 1_000_000));
                    break;
                case "--max-in-flight":
                    options.MaxInFlight = PositiveInt(name, value, 100_000);
                    break;
                case "--requests":
                    options.Requests = PositiveInt(name, value, MaxRequests);
                    break;
                case "--duration":
                    options.Duration = Duration(name, value);
                    break;
                case "--warmup":
                    options.Warmup = NonNegativeInt(name, value, MaxRequests);
                    break;
                case "--db-sizes":
                    options.DatabaseSizes = List(name, value, v => NonNegativeInt(name, v, 100_000_000)).Order().ToList();
                    break;
                case "--fill-clients":
                    options.FillClients = PositiveInt(name, value, 256);
                    break;
                case "--ehrs":
                    options.Ehrs = PositiveInt(name, value, 1_000_000);
                    break;
                case "--read-set":
                    options.ReadSet = PositiveInt(name, value, 1_000_000);
                    break;
                case "--variants":
                    options.Variants = PositiveInt(name, value, 100_000);
                    break;
                case "--seed":
                    options.Seed = int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed)
                        ? seed
                        : throw new OptionException($"--seed: '{value}' is not an integer.");
                    break;
                case "--query-runs":
                    options.QueryRuns = PositiveInt(name, value, 10_000);
                    break;
                case "--systolic-above":
                    options.SystolicAbove = NonNegativeInt(name, value, 1000);
                    break;
                case "--url":
                    options.Url = LoopbackGuard.RequireLoopbackUrl(value);
                    break;
                case "--connection-string":
                    LoopbackGuard.RequireLoopbackConnectionString(value);
                    options.ConnectionString = value;
                    break;
                case "--data-dir":
                    options.DataDir = NonEmpty(name, value);
                    break;
                case "--server-dll":
                    options.ServerDll = NonEmpty(name, value);
                    break;
                case "--composition":
                    options.Composition = NonEmpty(name, value);
                    break;
                case "--tenant":
                    options.Tenant = NonEmpty(name, value);
                    break;
                case "--request-timeout":
                    options.RequestTimeout = Duration(name, value);
                    break;
                case "--time-limit":
                    options.TimeLimit = Duration(name, value);
                    break;
                case "--out":
                    options.OutputDirectory = NonEmpty(name, value);
                    break;
                case "--kills":
                    options.Kills = PositiveInt(name, value, 1000);
                    break;
                case "--kill-after":
                    options.KillAfter = PositiveInt(name, value, MaxRequests);
                    break;
                case "--kill-postgres":
                    options.KillPostgres = value.ToLowerInvariant() switch
                    {
                        "never" => PostgresKill.Never,
                        "alternate" => PostgresKill.Alternate,
                        "always" => PostgresKill.Always,
                        _ => throw new OptionException($"--kill-postgres: '{value}' is not never, alternate or always."),
                    };
                    break;
                default:
                    throw new OptionException($"Unknown option '{name}'.");
            }
        }
        if (options.DatabaseSizes is not null && options.Mode == LoadMode.Open)
        {
            throw new OptionException("--db-sizes measures closed-loop levels; leave out --mode open.");
        }
        if (options.ConnectionString is not null && options.DataDir is not null)
        {
            throw new OptionException("Give --connection-string or --data-dir, not both.");
        }
        return options;
    }

    /// <summary>A duration: a number with ms, s, m or h (a bare number is seconds).</summary>
    public static TimeSpan Duration(string name, string text)
    {
        var t = text.Trim().ToLowerInvariant();
        (string Number, double Scale) split = t.EndsWith("ms", StringComparison.Ordinal) ? (t[..^2], 0.001)
            : t.EndsWith('s') ? (t[..^1], 1)
            : t.EndsWith('m') ? (t[..^1], 60)
            : t.EndsWith('h') ? (t[..^1], 3600)
            : (t, 1);
        if (!double.TryParse(split.Number, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || number <= 0 || double.IsInfinity(number))
        {
            throw new OptionException($"{name}: '{text}' is not a positive duration (for example 500ms, 30s, 2m).");
        }
        var seconds = number * split.Scale;
        if (seconds > TimeSpan.FromDays(1).TotalSeconds)
        {
            throw new OptionException($"{name}: '{text}' is longer than a day.");
        }
        return TimeSpan.FromSeconds(seconds);
    }

    private static IReadOnlyList<T> List<T>(string name, string text, Func<string, T> item)
    {
        var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
        {
            throw new OptionException($"{name}: give at least one value.");
        }
        return parts.Select(item).ToList();
    }

    private static int PositiveInt(string name, string text, int max)
    {
        var n = NonNegativeInt(name, text, max);
        return n > 0 ? n : throw new OptionException($"{name}: '{text}' must be at least 1.");
    }

    private static int NonNegativeInt(string name, string text, int max) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0 && n <= max
            ? n
            : throw new OptionException($"{name}: '{text}' is not a whole number from 0 to {max.ToString(CultureInfo.InvariantCulture)}.");

    private static double PositiveDouble(string name, string text, double max) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n > 0 && n <= max
            ? n
            : throw new OptionException($"{name}: '{text}' is not a positive number up to {max.ToString(CultureInfo.InvariantCulture)}.");

    private static string NonEmpty(string name, string text) =>
        string.IsNullOrWhiteSpace(text) ? throw new OptionException($"{name} must not be empty.") : text;
}
