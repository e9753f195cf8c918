namespace Fkj.Cdr.Load.Bench;

/// <summary>What <c>./fkj bench</c> runs: a scale, with any of its figures replaced by explicit options.</summary>
public sealed class BenchOptions
{
    public required BenchScale Scale { get; set; }

    /// <summary>The scale with the explicit options applied.</summary>
    public BenchScale Effective { get; set; } = null!;

    public bool RunMicro { get; set; } = true;

    public bool RunConcurrency { get; set; } = true;

    public bool RunSizes { get; set; } = true;

    public bool RunSaturation { get; set; } = true;

    public bool RunQueries { get; set; } = true;

    /// <summary>The markdown file to write the generated section into.</summary>
    public string Docs { get; set; } = Path.Combine("docs", "benchmarks.md");

    /// <summary>Where the PNG figures go; the markdown links to them relative to <see cref="Docs"/>.</summary>
    public string Images { get; set; } = Path.Combine("docs", "benchmarks");

    /// <summary>Raw results: the run's JSON, the load runs' files, server logs, BenchmarkDotNet's reports.</summary>
    public string Output { get; set; } = Path.Combine("BenchmarkDotNet.Artifacts", "bench");

    /// <summary>Re-render the docs from an earlier run's bench.json instead of measuring.</summary>
    public string? From { get; set; }

    /// <summary>The benchmark assembly to run; null: the Release build in the repository.</summary>
    public string? MicroDll { get; set; }

    /// <summary>How the bench was invoked, for the report.</summary>
    public string CommandLine { get; set; } = "./fkj bench";
}
