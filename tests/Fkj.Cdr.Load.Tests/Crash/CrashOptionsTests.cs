using Fkj.Cdr.Load.Crash;
using Fkj.Cdr.Load.Options;

namespace Fkj.Cdr.Load.Tests.Crash;

public sealed class CrashOptionsTests
{
    [Fact]
    public void The_crash_options_are_read_and_have_defaults()
    {
        var defaults = OptionParser.Parse(["--scenario", "crash"])!;
        Assert.True(CrashCommand.Wanted(defaults));
        Assert.Equal((3, 1000, PostgresKill.Alternate), (defaults.Kills, defaults.KillAfter, defaults.KillPostgres));

        var options = OptionParser.Parse(["--scenario=crash", "--kills", "5", "--kill-after=20", "--kill-postgres", "Always", "--clients", "3"])!;
        Assert.Equal((5, 20, PostgresKill.Always, 3), (options.Kills, options.KillAfter, options.KillPostgres, options.Clients.Max()));
        Assert.Equal(PostgresKill.Never, OptionParser.Parse(["--kill-postgres", "never"])!.KillPostgres);
        Assert.False(CrashCommand.Wanted(OptionParser.Parse(["--scenario", "commit"])!));
    }

    [Theory]
    [InlineData("--kills", "0", "--kills")]
    [InlineData("--kill-after", "x", "--kill-after")]
    [InlineData("--kill-postgres", "sometimes", "never, alternate or always")]
    public void Bad_crash_options_are_refused(string name, string value, string message) =>
        Assert.Contains(message, Assert.Throws<OptionException>(() => OptionParser.Parse([name, value])).Message);

    [Theory]
    [InlineData("runs alone", "--scenario", "crash,commit")]
    [InlineData("--url", "--scenario", "crash", "--url", "http://127.0.0.1:5080")]
    [InlineData("--url and --connection-string", "--scenario", "crash", "--connection-string", "Host=127.0.0.1;Username=x")]
    [InlineData("closed-loop", "--scenario", "crash", "--mode", "open")]
    public void The_crash_scenario_runs_alone_on_a_server_of_its_own(string message, params string[] args) =>
        Assert.Contains(message, Assert.Throws<OptionException>(() => CrashCommand.Wanted(OptionParser.Parse(args)!)).Message);
}
