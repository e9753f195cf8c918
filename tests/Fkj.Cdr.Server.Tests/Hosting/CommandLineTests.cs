using System.Collections;
using System.Net;
using Fkj.Cdr.Server.Hosting;

namespace Fkj.Cdr.Server.Tests.Hosting;

public sealed class CommandLineTests
{
    private static readonly IDictionary NoEnvironment = new Hashtable();

    [Fact]
    public void TheServeVerbIsOptional()
    {
        var withVerb = CommandLine.Parse(["serve", "--port", "5099"]);
        var without = CommandLine.Parse(["--port", "5099"]);

        Assert.Equal("serve", withVerb.Verb);
        Assert.Equal("serve", without.Verb);
        Assert.Equal(["--port", "5099"], withVerb.Options);
        Assert.Equal(withVerb.Options, without.Options);
    }

    [Theory]
    [InlineData("bogus")]
    [InlineData("serve", "--nope", "1")]
    [InlineData("serve", "--port")]
    [InlineData("serve", "--port", "1", "stray")]
    public void BadCommandLinesAreRefused(params string[] args)
    {
        Assert.Throws<CommandLineException>(() => CommandLine.Parse(args));
    }

    [Fact]
    public void HelpIsRecognised()
    {
        Assert.Equal("help", CommandLine.Parse(["--help"]).Verb);
        Assert.Equal("help", CommandLine.Parse(["help"]).Verb);
    }

    [Fact]
    public void DefaultsListOnLoopbackPort5080WithTheEmbeddedDatabase()
    {
        var (options, _) = ServerOptions.Load([], NoEnvironment);

        Assert.Equal(5080, options.Port);
        Assert.Equal(IPAddress.Loopback, options.BindAddress());
        Assert.Equal("./.fkj", options.DataDir);
        Assert.True(string.IsNullOrEmpty(options.ConnectionString));
        Assert.Equal(10 * 1024 * 1024, options.MaxTemplateSize);
    }

    [Fact]
    public void TheTemplateSizeLimitIsAnOption()
    {
        var (options, _) = ServerOptions.Load(["--max-template-size", "2500000"], NoEnvironment);
        var (fromEnvironment, _) = ServerOptions.Load([], new Hashtable { ["FKJ_MAXTEMPLATESIZE"] = "1000" });

        Assert.Equal(2_500_000, options.MaxTemplateSize);
        Assert.Equal(1000, fromEnvironment.MaxTemplateSize);
    }

    [Fact]
    public void OptionsComeFromTheCommandLineInBothForms()
    {
        var (options, _) = ServerOptions.Load(
            ["--port", "5099", "--data-dir=/srv/fkj", "--connection-string", "Host=db;Database=fkj", "--bind", "0.0.0.0"], NoEnvironment);

        Assert.Equal(5099, options.Port);
        Assert.Equal("/srv/fkj", options.DataDir);
        Assert.Equal("Host=db;Database=fkj", options.ConnectionString);
        Assert.Equal(IPAddress.Any, options.BindAddress());
    }

    [Fact]
    public void FkjEnvironmentVariablesSetOptionsAndTheCommandLineWins()
    {
        var environment = new Hashtable { ["FKJ_PORT"] = "6001", ["FKJ_DATADIR"] = "/var/lib/fkj", ["PORT"] = "7777" };

        var (fromEnvironment, _) = ServerOptions.Load([], environment);
        var (overridden, _) = ServerOptions.Load(["--port", "6002"], environment);

        Assert.Equal(6001, fromEnvironment.Port);
        Assert.Equal("/var/lib/fkj", fromEnvironment.DataDir);
        Assert.Equal(6002, overridden.Port);
        Assert.Equal("/var/lib/fkj", overridden.DataDir);
    }

    [Theory]
    [InlineData("--port", "70000")]
    [InlineData("--port", "abc")]
    [InlineData("--bind", "not-an-address")]
    [InlineData("--log-format", "xml")]
    [InlineData("--max-template-size", "0")]
    [InlineData("--aql-timeout", "0")]
    [InlineData("--max-concurrent-requests", "0")]
    [InlineData("--max-queued-requests", "-1")]
    public void InvalidOptionValuesAreRefused(string option, string value)
    {
        Assert.Throws<CommandLineException>(() => ServerOptions.Load([option, value], NoEnvironment));
    }
}
