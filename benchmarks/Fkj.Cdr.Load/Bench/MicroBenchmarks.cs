using System.Diagnostics;
using System.Text.Json;
using Fkj.Cdr.Load.Hosting;
using Fkj.Cdr.Load.Reporting;

namespace Fkj.Cdr.Load.Bench;

/// <summary>
/// Runs the BenchmarkDotNet suites of <c>benchmarks/Fkj.Cdr.Benchmarks</c> as a child process, its output in a log
/// file, and reads the <c>*-fkj.json</c> summaries its exporter writes.
/// </summary>
public static class MicroBenchmarks
{
    /// <summary>The suites of the report, by class, with what each measures.</summary>
    public static IReadOnlyList<(string Type, string Title)> Suites { get; } =
    [
        ("CanonicalJsonBenchmarks", "canonical JSON codec"),
        ("ValidationBenchmarks", "template validation"),
        ("FlatBenchmarks", "FLAT conversion"),
        ("AqlParserBenchmarks", "AQL parsing"),
    ];

    /// <summary>
    /// The quick job's environment: every method compiled fully optimised at its first call, the framework's too.
    /// With tiered compilation, a few short iterations in one busy process measured code before it was optimised
    /// (FLAT decode 2.9 ms instead of about 0.1 ms); without it there is no dynamic PGO either, so times run a
    /// little above the other jobs'.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Environment(MicroJob job) => job == MicroJob.Quick
        ? new Dictionary<string, string> { ["DOTNET_TieredCompilation"] = "0", ["DOTNET_ReadyToRun"] = "0" }
        : new Dictionary<string, string>();

    public static IReadOnlyList<string> Arguments(MicroJob job, string artifacts) =>
    [
        "--filter", .. Suites.Select(s => $"*.{s.Type}.*"),
        "--artifacts", artifacts,
        .. job switch
        {
            MicroJob.Quick => new[] { "--inProcess", "--warmupCount", "2", "--iterationCount", "5", "--iterationTime", "100" },
            MicroJob.Short => ["--job", "short"],
            _ => [],
        },
    ];

    public static async Task<MicroRun> RunAsync(MicroJob job, string? dll, string directory, TextWriter progress, CancellationToken cancellationToken)
    {
        var root = RepositoryPaths.Root();
        var assembly = Path.GetFullPath(dll ?? Path.Combine(root, "benchmarks", "Fkj.Cdr.Benchmarks", "bin", "Release", "net10.0", "Fkj.Cdr.Benchmarks.dll"));
        if (!File.Exists(assembly))
        {
            throw new LoadSetupException($"The benchmarks are not built: {assembly} does not exist (dotnet build benchmarks/Fkj.Cdr.Benchmarks -c Release).");
        }
        var artifacts = Path.GetFullPath(Path.Combine(directory, "micro"));
        var arguments = Arguments(job, artifacts);
        var environment = Environment(job);
        var shown = Arguments(job, Path.GetRelativePath(root, artifacts));
        var run = new MicroRun
        {
            Command = string.Concat(environment.Select(e => $"{e.Key}={e.Value} "))
                + "benchmarks/run " + string.Join(' ', shown.Select(a => a.Contains('*') ? $"'{a}'" : a)),
            Job = job.ToString().ToLowerInvariant(),
            LoadAverageAtStart = MachineInfo.LoadAverage(),
        };

        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // BenchmarkDotNet finds the benchmark project (to build its runner, outside the quick job) from here.
            WorkingDirectory = root,
        };
        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }
        startInfo.ArgumentList.Add(assembly);
        foreach (var a in arguments)
        {
            startInfo.ArgumentList.Add(a);
        }
        Directory.CreateDirectory(artifacts);
        var logFile = Path.Combine(artifacts, "benchmarkdotnet.log");
        await using var log = new StreamWriter(logFile) { AutoFlush = true };
        using var process = new Process { StartInfo = startInfo };
        void Line(string? line)
        {
            if (line is null)
            {
                return;
            }
            lock (log)
            {
                log.WriteLine(line);
            }
            if (line.StartsWith("// Benchmark: ", StringComparison.Ordinal))
            {
                progress.WriteLine("  " + line[3..]);
            }
        }
        process.OutputDataReceived += (_, e) => Line(e.Data);
        process.ErrorDataReceived += (_, e) => Line(e.Data);
        var clock = Stopwatch.StartNew();
        progress.WriteLine($"micro: {run.Command} (log {logFile})");
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        run.Seconds = Math.Round(clock.Elapsed.TotalSeconds, 1);
        run.LoadAverageAtEnd = MachineInfo.LoadAverage();
        run.Results = ReadResults(Path.Combine(artifacts, "results"));
        if (process.ExitCode != 0 || run.Results.Count == 0)
        {
            throw new LoadSetupException($"BenchmarkDotNet exited with code {process.ExitCode} and {run.Results.Count} results; see {logFile}.");
        }
        return run;
    }

    /// <summary>Every benchmark in the <c>*-fkj.json</c> files of <paramref name="directory"/>, suite by suite in <see cref="Suites"/> order.</summary>
    public static List<MicroResult> ReadResults(string directory)
    {
        var results = new List<MicroResult>();
        if (!Directory.Exists(directory))
        {
            return results;
        }
        foreach (var file in Directory.GetFiles(directory, "*-fkj.json").Order(StringComparer.Ordinal))
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(file));
            foreach (var b in json.RootElement.GetProperty("benchmarks").EnumerateArray())
            {
                results.Add(new MicroResult(
                    b.GetProperty("type").GetString()!,
                    b.TryGetProperty("namespace", out var ns) ? ns.GetString() : null,
                    b.GetProperty("method").GetString()!,
                    b.TryGetProperty("baseline", out var baseline) && baseline.GetBoolean(),
                    b.TryGetProperty("job", out var job) ? job.GetString() : null,
                    Number(b, "medianNs"),
                    Number(b, "meanNs"),
                    Number(b, "stdDevNs"),
                    b.TryGetProperty("allocatedBytes", out var allocated) ? allocated.GetInt64() : null));
            }
        }
        var order = Suites.Select(s => s.Type).ToList();
        return results.OrderBy(r => order.IndexOf(r.Type) is var i && i >= 0 ? i : int.MaxValue).ToList();
    }

    private static double? Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
}
