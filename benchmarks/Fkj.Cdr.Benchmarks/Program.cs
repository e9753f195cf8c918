using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using Fkj.Cdr.Benchmarks.Reporting;

namespace Fkj.Cdr.Benchmarks;

public static class Program
{
    /// <summary>Runs the benchmarks chosen by the command line, e.g. <c>--filter '*' --job short</c>.</summary>
    public static void Main(string[] args) =>
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, DefaultConfig.Instance.AddExporter(SummaryJsonExporter.Default));
}
