using Fkj.Cdr.Load.Options;

namespace Fkj.Cdr.Load.Tests.Options;

public sealed class OptionParserTests
{
    [Fact]
    public void Defaults_are_bounded()
    {
        var options = OptionParser.Parse([])!;
        Assert.Equal(["commit", "read"], options.Scenarios);
        Assert.Equal(LoadMode.Closed, options.Mode);
        Assert.Equal([1, 4], options.Clients);
        Assert.Equal(2000, options.Requests);
        Assert.Equal(TimeSpan.FromSeconds(60), options.Duration);
        Assert.Equal(TimeSpan.FromMinutes(15), options.TimeLimit);
        Assert.Null(options.Url);
        Assert.True(options.Baseline);
    }

    [Fact]
    public void Lists_durations_and_flags_are_read_in_both_spellings()
    {
        var options = OptionParser.Parse(
        [
            "--scenario", "commit,READ,read-latest", "--clients=1,2,4,8,16", "--requests", "500", "--duration=90s",
            "--mode", "open", "--rates", "25,50.5", "--max-in-flight", "64", "--warmup=0", "--no-baseline",
            "--time-limit", "2m", "--request-timeout", "1500ms", "--url", "http://localhost:5080", "--tenant", "kommune-a",
        ])!;
        Assert.Equal(["commit", "read", "read-latest"], options.Scenarios);
        Assert.Equal([1, 2, 4, 8, 16], options.Clients);
        Assert.Equal(500, options.Requests);
        Assert.Equal(TimeSpan.FromSeconds(90), options.Duration);
        Assert.Equal(LoadMode.Open, options.Mode);
        Assert.Equal([25, 50.5], options.Rates);
        Assert.Equal(64, options.MaxInFlight);
        Assert.Equal(0, options.Warmup);
        Assert.False(options.Baseline);
        Assert.Equal(TimeSpan.FromMinutes(2), options.TimeLimit);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), options.RequestTimeout);
        Assert.Equal(new Uri("http://localhost:5080/"), options.Url);
        Assert.Equal("kommune-a", options.Tenant);
        Assert.Equal(["25 req/s", "50.5 req/s"], options.Levels().Select(l => l.ToString()));
    }

    [Theory]
    [InlineData("500ms", 0.5)]
    [InlineData("30s", 30)]
    [InlineData("2m", 120)]
    [InlineData("1h", 3600)]
    [InlineData("45", 45)]
    [InlineData("1.5s", 1.5)]
    public void Durations_take_a_unit(string text, double seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), OptionParser.Duration("--duration", text));
    }

    [Theory]
    [InlineData("--requests", "0")]
    [InlineData("--requests", "-5")]
    [InlineData("--requests", "99999999")]
    [InlineData("--clients", "1,0")]
    [InlineData("--clients", "two")]
    [InlineData("--duration", "0s")]
    [InlineData("--duration", "forever")]
    [InlineData("--duration", "2d")]
    [InlineData("--time-limit", "48h")]
    [InlineData("--mode", "half-open")]
    [InlineData("--rates", "0")]
    [InlineData("--frobnicate", "1")]
    public void Unbounded_or_unknown_values_are_refused(string name, string value)
    {
        Assert.Throws<OptionException>(() => OptionParser.Parse([name, value]));
    }

    [Fact]
    public void A_missing_value_is_refused()
    {
        var e = Assert.Throws<OptionException>(() => OptionParser.Parse(["--requests"]));
        Assert.Contains("--requests needs a value", e.Message);
    }

    [Fact]
    public void Help_returns_null()
    {
        Assert.Null(OptionParser.Parse(["--help"]));
    }

    [Theory]
    [InlineData("http://example.com")]
    [InlineData("http://10.0.0.5:5080")]
    [InlineData("http://192.168.1.10/")]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://[2001:db8::1]:5080")]
    [InlineData("http://localhost.example.com")]
    [InlineData("http://127.0.0.1.nip.io")]
    [InlineData("ftp://127.0.0.1")]
    [InlineData("127.0.0.1:5080")]
    [InlineData("http://user:pw@127.0.0.1")]
    public void Urls_off_this_machine_are_refused(string url)
    {
        Assert.Throws<OptionException>(() => OptionParser.Parse(["--url", url]));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080", "http://127.0.0.1:5080/")]
    [InlineData("http://127.1.2.3:5080/", "http://127.1.2.3:5080/")]
    [InlineData("http://localhost:5080/cdr", "http://localhost:5080/cdr/")]
    [InlineData("http://[::1]:5080", "http://[::1]:5080/")]
    [InlineData("https://LOCALHOST:5443", "https://localhost:5443/")]
    public void Loopback_urls_are_accepted_and_end_with_a_slash(string url, string expected)
    {
        Assert.Equal(new Uri(expected), OptionParser.Parse(["--url", url])!.Url);
    }

    [Theory]
    [InlineData("Host=db.example.com;Username=x")]
    [InlineData("Host=127.0.0.1,10.1.1.1;Username=x")]
    [InlineData("Host=192.168.0.2:5432;Username=x")]
    [InlineData("Username=x")]
    public void Connection_strings_off_this_machine_are_refused(string connectionString)
    {
        Assert.Throws<OptionException>(() => OptionParser.Parse(["--connection-string", connectionString]));
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Port=5432;Username=fkj;Password=x;Database=fkj")]
    [InlineData("Host=localhost:5433;Username=fkj")]
    [InlineData("Host=/var/run/postgresql;Username=fkj")]
    [InlineData("Host=::1;Username=fkj")]
    public void Loopback_connection_strings_are_accepted(string connectionString)
    {
        Assert.Equal(connectionString, OptionParser.Parse(["--connection-string", connectionString])!.ConnectionString);
    }

    [Fact]
    public void A_data_dir_is_the_harness_own_postgres_or_with_url_the_running_server_s()
    {
        var options = OptionParser.Parse(["--url", "http://127.0.0.1:5080", "--data-dir", "/tmp/x"])!;
        Assert.Equal("/tmp/x", options.DataDir);
        Assert.Throws<OptionException>(() => OptionParser.Parse(["--connection-string", "Host=127.0.0.1", "--data-dir", "/tmp/x"]));
    }

    [Fact]
    public void The_aql_options_have_their_defaults_and_bounds()
    {
        var defaults = OptionParser.Parse(["--scenario", "aql-ehr,aql-population,aql-top"])!;
        Assert.Equal(["aql-ehr", "aql-population", "aql-top"], defaults.Scenarios);
        Assert.Equal(6, defaults.QueryRuns);
        Assert.Equal(140, defaults.SystolicAbove);
        var set = OptionParser.Parse(["--query-runs", "10", "--systolic-above", "105"])!;
        Assert.Equal(10, set.QueryRuns);
        Assert.Equal(105, set.SystolicAbove);
        Assert.Throws<OptionException>(() => OptionParser.Parse(["--query-runs", "0"]));
        Assert.Throws<OptionException>(() => OptionParser.Parse(["--systolic-above", "-1"]));
    }

    [Fact]
    public void Database_sizes_are_sorted_and_only_for_the_closed_loop()
    {
        var options = OptionParser.Parse(["--db-sizes", "50000,0,10000", "--fill-clients", "6"])!;
        Assert.Equal([0, 10_000, 50_000], options.DatabaseSizes);
        Assert.Equal(6, options.FillClients);
        Assert.Null(OptionParser.Parse([])!.DatabaseSizes);

        var e = Assert.Throws<OptionException>(() => OptionParser.Parse(["--db-sizes", "10", "--mode", "open"]));
        Assert.Contains("closed-loop", e.Message);
        Assert.Throws<OptionException>(() => OptionParser.Parse(["--db-sizes", "-1"]));
    }
}
