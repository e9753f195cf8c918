using System.Globalization;
using Fkj.Cdr.Load.Options;

namespace Fkj.Cdr.Load.Bench;

/// <summary>Reads <c>./fkj bench</c>'s command line: a scale, then explicit options that replace its figures.</summary>
public static class BenchOptionParser
{
    public const string Usage = """
        ./fkj bench: runs the BenchmarkDotNet suites (codec, validation, FLAT, AQL parse) and the HTTP load harness
        (commit and read against concurrency, against database size, and an open loop past saturation), each beside
        its in-run baseline, and writes the report between the markers in docs/benchmarks.md with PNG figures in
        docs/benchmarks/. Loopback only; every level is bounded in requests and time.

        usage: ./fkj bench [--scale small|medium|large] [options]

          --scale NAME            small (a few minutes), medium (database to 100,000; half an hour or more),
                                  large (to 1,000,000; hours and about 25 GB in the temp
                                  directory)                                               [small]
          --clients LIST          concurrency levels                                       [1,2,4,8,16]
          --requests N            requests per concurrency level, at most                  [small: 300]
          --duration T            time per concurrency level, at most                      [small: 8s]
          --db-sizes LIST         database sizes, in compositions                          [small: 0,1000,2000,4000]
          --size-clients N        clients at each database size                            [1]
          --size-requests N       requests per level at each database size                 [small: 200]
          --rates LIST            open-loop offered rates, requests/s                      [small: 50,...,1600]
          --open-duration T       time per open-loop rate                                  [small: 6s]
          --max-in-flight N       open loop: outstanding requests at most                  [small: 1024]
          --micro quick|short|default   how BenchmarkDotNet runs                           [small: quick]
          --only LIST             of micro, concurrency, sizes, saturation, queries        [all]
          --phase-time-limit T    each load phase stops after this long                    [small: 10m]
          --docs FILE             the markdown to write into                               [docs/benchmarks.md]
          --images DIR            the PNG figures                                          [docs/benchmarks]
          --out DIR               raw results                                              [BenchmarkDotNet.Artifacts/bench]
          --from FILE             re-render the docs from an earlier run's bench.json, measuring nothing
        """;

    /// <summary>The options, or null when help was asked for.</summary>
    public static BenchOptions? Parse(IReadOnlyList<string> args)
    {
        var scale = BenchScale.Small;
        var options = new BenchOptions { Scale = scale };
        var overrides = new List<Func<BenchScale, BenchScale>>();
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
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            var name = eq > 0 ? arg[..eq] : arg;
            string value;
            if (eq > 0)
            {
                value = arg[(eq + 1)..];
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
                case "--scale":
                    options.Scale = BenchScale.Find(value) ?? throw new OptionException($"--scale: '{value}' is not small, medium or large.");
                    break;
                case "--clients":
                    var clients = Ints(name, value, 1, 4096);
                    overrides.Add(s => s with { Clients = clients });
                    break;
                case "--requests":
                    var requests = Int(name, value, 1, OptionParser.MaxRequests);
                    overrides.Add(s => s with { Requests = requests });
                    break;
                case "--duration":
                    var duration = OptionParser.Duration(name, value);
                    overrides.Add(s => s with { Duration = duration });
                    break;
                case "--db-sizes":
                    var sizes = Ints(name, value, 0, 100_000_000).Order().ToList();
                    overrides.Add(s => s with { DatabaseSizes = sizes });
                    break;
                case "--size-clients":
                    var sizeClients = Int(name, value, 1, 4096);
                    overrides.Add(s => s with { SizeClients = sizeClients });
                    break;
                case "--size-requests":
                    var sizeRequests = Int(name, value, 1, OptionParser.MaxRequests);
                    overrides.Add(s => s with { SizeRequests = sizeRequests });
                    break;
                case "--rates":
                    var rates = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Select(r => double.TryParse(r, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d > 0 && d <= 1_000_000
                            ? d
                            : throw new OptionException($"--rates: '{r}' is not a positive rate.")).ToList();
                    overrides.Add(s => s with { Rates = rates });
                    break;
                case "--open-duration":
                    var openDuration = OptionParser.Duration(name, value);
                    overrides.Add(s => s with { OpenDuration = openDuration });
                    break;
                case "--max-in-flight":
                    var maxInFlight = Int(name, value, 1, 100_000);
                    overrides.Add(s => s with { MaxInFlight = maxInFlight });
                    break;
                case "--micro":
                    var job = value.ToLowerInvariant() switch
                    {
                        "quick" => MicroJob.Quick,
                        "short" => MicroJob.Short,
                        "default" => MicroJob.Default,
                        _ => throw new OptionException($"--micro: '{value}' is not quick, short or default."),
                    };
                    overrides.Add(s => s with { Micro = job });
                    break;
                case "--phase-time-limit":
                    var limit = OptionParser.Duration(name, value);
                    overrides.Add(s => s with { PhaseTimeLimit = limit });
                    break;
                case "--only":
                    var only = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(v => v.ToLowerInvariant()).ToHashSet();
                    var unknown = only.Except(["micro", "concurrency", "sizes", "saturation", "queries"]).ToList();
                    if (unknown.Count > 0)
                    {
                        throw new OptionException($"--only: unknown part '{unknown[0]}' (micro, concurrency, sizes, saturation, queries).");
                    }
                    options.RunMicro = only.Contains("micro");
                    options.RunConcurrency = only.Contains("concurrency");
                    options.RunSizes = only.Contains("sizes");
                    options.RunSaturation = only.Contains("saturation");
                    options.RunQueries = only.Contains("queries");
                    break;
                case "--docs":
                    options.Docs = value;
                    break;
                case "--images":
                    options.Images = value;
                    break;
                case "--out":
                    options.Output = value;
                    break;
                case "--from":
                    options.From = value;
                    break;
                case "--micro-dll":
                    options.MicroDll = value;
                    break;
                default:
                    throw new OptionException($"Unknown option '{name}'.");
            }
        }
        options.Effective = overrides.Aggregate(options.Scale, (s, apply) => apply(s));
        options.CommandLine = "./fkj bench" + (args.Count == 0 ? "" : " " + string.Join(' ', args));
        return options;
    }

    private static int Int(string name, string text, int min, int max) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new OptionException($"{name}: '{text}' is not a whole number from {min} to {max}.");

    private static List<int> Ints(string name, string text, int min, int max) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(t => Int(name, t, min, max)).ToList() is { Count: > 0 } list
            ? list
            : throw new OptionException($"{name}: give at least one value.");
}
