using Fkj.Cdr.Cli.Generate;
using Fkj.Cdr.Cli.Import;

namespace Fkj.Cdr.Cli.Tests.Import;

public sealed class ImportOptionsTests
{
    [Fact]
    public void DefaultsDependOnTheTarget()
    {
        var db = ImportOptions.Parse(["/tmp/pop", "--data-dir", "/tmp/db"]);
        Assert.Equal((ImportTarget.Database, "/tmp/db", 100, 2, "default", "fkj.cdr"), (db.Target, db.DataDir, db.Batch, db.Writers, db.Tenant, db.SystemId));
        var url = ImportOptions.Parse(["--url=http://127.0.0.1:5080/", "/tmp/pop", "--batch", "7"]);
        Assert.Equal((ImportTarget.Server, "http://127.0.0.1:5080", 7, 8), (url.Target, url.Url, url.Batch, url.Writers));
    }

    [Theory]
    [InlineData(new[] { "--data-dir", "/tmp/db" }, "directory")]
    [InlineData(new[] { "/tmp/pop" }, "target")]
    [InlineData(new[] { "/tmp/pop", "--data-dir", "a", "--url", "http://x" }, "one target")]
    [InlineData(new[] { "/tmp/pop", "--url", "ftp://x" }, "http")]
    [InlineData(new[] { "/tmp/pop", "--url", "http://x", "--baseline" }, "--baseline")]
    [InlineData(new[] { "/tmp/pop", "--data-dir", "a", "--batch", "0" }, "--batch")]
    [InlineData(new[] { "/tmp/pop", "--data-dir", "a", "--system-id", "a::b" }, "--system-id")]
    [InlineData(new[] { "/tmp/pop", "--data-dir", "a", "--frobnicate" }, "unknown option")]
    [InlineData(new[] { "/tmp/pop", "/tmp/other", "--data-dir", "a" }, "unexpected argument")]
    public void WrongCommandLinesAreRefusedSayingWhy(string[] args, string says)
    {
        var e = Assert.Throws<UsageException>(() => ImportOptions.Parse(args));
        Assert.Contains(says, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheCommandLineGivesExitCodeTwoAndTheSourceMustBeAFinishedRun()
    {
        var stderr = new StringWriter();
        Assert.Equal(2, Program.Run(["import", "/tmp/pop"], TextWriter.Null, stderr));
        Assert.Contains("--url", stderr.ToString(), StringComparison.Ordinal);

        using var empty = new Fkj.Cdr.Testing.TempDirectory("fkj-import-empty");
        stderr = new StringWriter();
        Assert.Equal(2, Program.Run(["import", empty.Path, "--url", "http://127.0.0.1:1"], TextWriter.Null, stderr));
        Assert.Contains("manifest.json", stderr.ToString(), StringComparison.Ordinal);
    }
}

public sealed class ImportIdsTests
{
    [Fact]
    public void NameBasedUuidsAreVersion5AsRfc9562Defines()
    {
        // RFC 9562, appendix A.4: the DNS namespace and "www.example.com".
        Assert.Equal(new Guid("2ed6657d-e927-568b-95e1-2665a8aea6a2"), ImportIds.NameBased(new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "www.example.com"));
    }

    [Fact]
    public void ACompositionsIdDependsOnItsEhrAndFileOnly()
    {
        var ehr = Guid.NewGuid();
        Assert.Equal(ImportIds.Composition(ehr, "compositions/1/2.json"), ImportIds.Composition(ehr, "compositions/1/2.json"));
        Assert.NotEqual(ImportIds.Composition(ehr, "compositions/1/2.json"), ImportIds.Composition(ehr, "compositions/1/3.json"));
        Assert.NotEqual(ImportIds.Composition(ehr, "compositions/1/2.json"), ImportIds.Composition(Guid.NewGuid(), "compositions/1/2.json"));
    }
}
