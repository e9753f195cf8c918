using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Fkj.Cdr.Terminology.Index;
using Fkj.Cdr.Terminology.Rf2;

namespace Fkj.Cdr.Benchmarks.Terminology;

/// <summary>
/// The International-size synthetic release the terminology benchmarks run on, from the folder named by
/// <c>FKJ_SNOMED_RELEASE</c> (made with <c>./fkj snomed generate --out /tmp/fkj-snomed-big --seed 1 --concepts 350000</c>).
/// The index is built once per process (about 20 s) and shared by every benchmark case, which the in-process
/// toolchain makes possible.
/// </summary>
internal static class SyntheticRelease
{
    public const string Variable = "FKJ_SNOMED_RELEASE";

    public static string? Path => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } path && Directory.Exists(path) ? path : null;

    private static readonly Lazy<SnomedIndex> Lazy = new(() =>
        SnomedIndexBuilder.Build(Rf2Release.Open(Path ?? throw new InvalidOperationException($"{Variable} is not set to a release folder."))));

    public static SnomedIndex Index => Lazy.Value;

    /// <summary>Leaves the terminology benchmarks out, with a message, when no release is there.</summary>
    public sealed class Config : ManualConfig
    {
        // A mutator: whatever job the command line asks for (--job short) runs in this process, so the index is
        // built once rather than once per benchmark case.
        public Config() => Configure(this, Job.Default.WithToolchain(InProcessEmitToolchain.Instance).AsMutator());
    }

    /// <summary>
    /// One request per iteration, 1,000 iterations after 50 warm-up ones, no outliers removed, in this process: the
    /// Median column is then the p50 of single requests, not a median of batch means.
    /// </summary>
    public sealed class PerRequestConfig : ManualConfig
    {
        public PerRequestConfig() => Configure(this, Job.Default.WithToolchain(InProcessEmitToolchain.Instance)
            .WithInvocationCount(1).WithUnrollFactor(1).WithWarmupCount(50).WithIterationCount(1000)
            .WithOutlierMode(Perfolizer.Mathematics.OutlierDetection.OutlierMode.DontRemove).AsMutator());
    }

    private static int told;

    private static void Configure(ManualConfig config, Job mutator)
    {
        config.AddJob(mutator);
        if (Path is null)
        {
            if (Interlocked.Exchange(ref told, 1) == 0) Console.WriteLine($"Terminology benchmarks skipped: set {Variable} to a synthetic release folder " +
                "(./fkj snomed generate --out /tmp/fkj-snomed-big --seed 1 --concepts 350000).");
            config.AddFilter(new SimpleFilter(_ => false));
        }
    }
}
