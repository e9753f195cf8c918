using Fkj.Cdr.Load.Bench;
using Fkj.Cdr.Load.Options;

namespace Fkj.Cdr.Load.Tests.Bench;

public sealed class BenchOptionParserTests
{
    [Fact]
    public void Without_options_the_small_scale_runs_every_part()
    {
        var options = BenchOptionParser.Parse([])!;

        Assert.Same(BenchScale.Small, options.Effective);
        Assert.True(options.RunMicro && options.RunConcurrency && options.RunSizes && options.RunSaturation);
        Assert.Equal("./fkj bench", options.CommandLine);
        Assert.Equal([1, 2, 4, 8, 16], options.Effective.Clients);
    }

    [Fact]
    public void Explicit_options_replace_the_scale_figures_whatever_their_order()
    {
        var options = BenchOptionParser.Parse(["--db-sizes", "500,0", "--scale", "medium", "--rates=10,20", "--micro", "quick", "--only", "sizes,micro"])!;

        Assert.Equal("medium", options.Effective.Name);
        Assert.Equal([0, 500], options.Effective.DatabaseSizes);
        Assert.Equal([10.0, 20.0], options.Effective.Rates);
        Assert.Equal(MicroJob.Quick, options.Effective.Micro);
        Assert.Equal(BenchScale.Medium.Requests, options.Effective.Requests);
        Assert.Equal((true, false, true, false, false), (options.RunMicro, options.RunConcurrency, options.RunSizes, options.RunSaturation, options.RunQueries));
        Assert.True(BenchOptionParser.Parse(["--only", "queries"])!.RunQueries);
        Assert.True(BenchOptionParser.Parse([])!.RunQueries);
        Assert.Equal("./fkj bench --db-sizes 500,0 --scale medium --rates=10,20 --micro quick --only sizes,micro", options.CommandLine);
    }

    [Theory]
    [InlineData("--scale", "huge")]
    [InlineData("--only", "micro,everything")]
    [InlineData("--clients", "0")]
    [InlineData("--micro", "long")]
    public void Bad_options_are_refused(string name, string value)
    {
        Assert.Throws<OptionException>(() => BenchOptionParser.Parse([name, value]));
    }

    [Fact]
    public void Quick_micro_benchmarks_run_in_process_and_the_others_in_their_own()
    {
        Assert.Contains("--inProcess", MicroBenchmarks.Arguments(MicroJob.Quick, "/tmp/a"));
        Assert.DoesNotContain("--inProcess", MicroBenchmarks.Arguments(MicroJob.Short, "/tmp/a"));
        // In one process, tiered code would be measured before it is optimised.
        Assert.Equal("0", MicroBenchmarks.Environment(MicroJob.Quick)["DOTNET_TieredCompilation"]);
        Assert.Empty(MicroBenchmarks.Environment(MicroJob.Default));
        Assert.Equal(
            ["--filter", "*.CanonicalJsonBenchmarks.*", "*.ValidationBenchmarks.*", "*.FlatBenchmarks.*", "*.AqlParserBenchmarks.*", "--artifacts", "/tmp/a"],
            MicroBenchmarks.Arguments(MicroJob.Default, "/tmp/a"));
    }
}
