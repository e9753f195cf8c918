using System.Globalization;

namespace Fkj.Cdr.Cli.Generate;

/// <summary>How the compositions are written.</summary>
public enum CompositionFormat
{
    /// <summary>Canonical JSON (openEHR ITS-JSON), compact.</summary>
    Canonical,

    /// <summary>FLAT (the simplified format of the web template).</summary>
    Flat,
}

/// <summary>The options of <c>generate</c>.</summary>
public sealed record GenerateOptions
{
    public const string Usage = """
        Usage: fkj generate --ehrs N --compositions-per-ehr M --seed S --out DIR [options]

        Writes a synthetic population of a municipality: N EHRs (synthetic subjects) with M compositions
        each (vital signs with NEWS2, fkj.vital_signs_news2.v1), deterministic for the seed.

          --ehrs N                    Number of EHRs (subjects).
          --compositions-per-ehr M    Compositions per EHR (measurement occasions over time).
          --seed S                    Seed (0 to 18446744073709551615); the same seed gives the same bytes.
          --out DIR                   Output directory: new or empty (see --force).
          --format canonical|flat     Composition format: canonical JSON (the default) or FLAT (application/openehr.wt.flat+json).
          --force                     Replace the ehrs/, compositions/ and manifest.json of an earlier run in DIR.
          --threads T                 Worker threads (default: the number of processors); output does not depend on it.

        Output: DIR/ehrs/{n}.json (EHR_STATUS), DIR/compositions/{n}/{k}.json (k in time order),
        DIR/manifest.json (counts, seed, generator version, template), written last.
        """;

    public required int Ehrs { get; init; }
    public required int CompositionsPerEhr { get; init; }
    public required ulong Seed { get; init; }
    public required string Out { get; init; }
    public CompositionFormat Format { get; init; } = CompositionFormat.Canonical;
    public bool Force { get; init; }
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Reads the arguments after <c>generate</c>; <c>--name value</c> and <c>--name=value</c> both work.</summary>
    /// <exception cref="UsageException">An option is unknown, missing, repeated or malformed.</exception>
    public static GenerateOptions Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var force = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal)) throw new UsageException($"unexpected argument '{arg}'");
            var eq = arg.IndexOf('=');
            var name = eq < 0 ? arg : arg[..eq];
            if (name == "--force")
            {
                if (eq >= 0) throw new UsageException("--force takes no value");
                force = true;
                continue;
            }

            if (name is not ("--ehrs" or "--compositions-per-ehr" or "--seed" or "--out" or "--format" or "--threads"))
                throw new UsageException($"unknown option '{name}'");
            string value;
            if (eq >= 0) value = arg[(eq + 1)..];
            else if (i + 1 < args.Count) value = args[++i];
            else throw new UsageException($"{name} needs a value");
            if (!values.TryAdd(name, value)) throw new UsageException($"{name} is given twice");
        }

        string Required(string name) => values.TryGetValue(name, out var v) ? v : throw new UsageException($"{name} is required");

        var format = values.GetValueOrDefault("--format", "canonical") switch
        {
            "canonical" => CompositionFormat.Canonical,
            "flat" => CompositionFormat.Flat,
            var other => throw new UsageException($"--format must be canonical or flat, not '{other}'"),
        };
        var outDir = Required("--out");
        if (outDir.Length == 0) throw new UsageException("--out must name a directory");

        return new GenerateOptions
        {
            Ehrs = Count("--ehrs", Required("--ehrs"), 1),
            CompositionsPerEhr = Count("--compositions-per-ehr", Required("--compositions-per-ehr"), 1),
            Seed = ulong.TryParse(Required("--seed"), NumberStyles.None, CultureInfo.InvariantCulture, out var seed)
                ? seed
                : throw new UsageException($"--seed must be a whole number from 0 to {ulong.MaxValue}"),
            Out = outDir,
            Format = format,
            Force = force,
            Threads = values.TryGetValue("--threads", out var threads) ? Count("--threads", threads, 1) : Environment.ProcessorCount,
        };
    }

    private static int Count(string name, string text, int min) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min
            ? n
            : throw new UsageException($"{name} must be a whole number from {min} to {int.MaxValue}");
}

/// <summary>The command line is wrong; the message says how.</summary>
public sealed class UsageException(string message) : Exception(message);
