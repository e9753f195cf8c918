using System.IO.Compression;
using Fkj.Cdr.Cli.Tests.Import;
using Fkj.Cdr.Cli.Snomed;
using Fkj.Cdr.Server.Terminology;
using Fkj.Cdr.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Fkj.Cdr.Cli.Tests.Snomed;

/// <summary>
/// <c>snomed import</c> into a stopped server's data directory and through a running server's admin endpoint. The
/// counts are read off the RF2 files (see Fkj.Cdr.Terminology.Tests SnomedStoreTests for the commands): the dummy
/// release has 103 concepts; the two mini releases together 25 concepts and 5 concrete values.
/// </summary>
public sealed class SnomedImportCommandTests
{
    private static readonly string Dummy = Fixtures.Path("snomed", "snowstorm-dummy", "RF2Release");
    private static readonly string MiniInternational = Fixtures.Path("snomed", "snowstorm-lite-mini", "SnomedCT_MiniRF2");
    private static readonly string MiniSweden = Fixtures.Path("snomed", "snowstorm-lite-mini", "SnomedCT_SE_MiniRF2");

    [Fact]
    public async Task Into_a_data_directory_then_again_which_changes_nothing_and_the_server_loads_it()
    {
        using var db = new TempDirectory("fkj-snomed-db");

        var (code, stdout, stderr) = Run("import", Dummy, "--data-dir", db.Path, "--quiet");
        Assert.True(code == 0, stderr);
        Assert.Contains("concepts 103 read, 103 new or newer", stdout, StringComparison.Ordinal);
        Assert.Contains("IS-A closure recomputed", stdout, StringComparison.Ordinal);

        (code, stdout, stderr) = Run("import", Dummy, "--data-dir", db.Path, "--quiet");
        Assert.True(code == 0, stderr);
        Assert.Contains("concepts 103 read, 0 new or newer", stdout, StringComparison.Ordinal);
        Assert.Contains("nothing new; the tables are unchanged", stdout, StringComparison.Ordinal);

        await using var server = await ImportedServer.StartAsync(db.Path);
        await server.App.Services.GetRequiredService<SnomedIndexLoader>().AtStart;
        Assert.Equal(103, server.App.Services.GetRequiredService<SnomedCatalog>().Current!.ConceptCount);
    }

    [Fact]
    public async Task Through_a_running_server_with_two_releases_zipped_on_the_fly()
    {
        using var db = new TempDirectory("fkj-snomed-db");
        await using var server = await ImportedServer.StartAsync(db.Path);
        var url = server.BaseAddress.ToString();

        var (code, stdout, stderr) = Run("import", MiniInternational, MiniSweden, "--url", url, "--quiet");

        Assert.True(code == 0, stderr);
        Assert.Contains("imported; the server's index is rebuilt", stdout, StringComparison.Ordinal);
        var index = server.App.Services.GetRequiredService<SnomedCatalog>().Current!;
        Assert.Equal(25, index.ConceptCount);
        Assert.Contains("incision i mellanöra", index.Descriptions(12481008).Select(d => d.Term));

        (code, stdout, stderr) = Run("import", MiniInternational, MiniSweden, "--url", url, "--quiet");
        Assert.True(code == 0, stderr);
        Assert.Contains("nothing new", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Pack_puts_each_release_under_its_own_name()
    {
        using var folder = new TempDirectory("fkj-snomed-zip");
        var zip = Path.Combine(folder.Path, "r.zip");

        SnomedServerImport.Pack([MiniInternational, MiniSweden], zip);

        using var archive = ZipFile.OpenRead(zip);
        var names = archive.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("SnomedCT_MiniRF2/Snapshot/Terminology/sct2_Concept_Snapshot_INT_20210131.txt", names);
        Assert.Contains("SnomedCT_SE_MiniRF2/Snapshot/Terminology/sct2_Concept_Snapshot_SE_20240231.txt", names);
        // find snowstorm-lite-mini -name '*.txt' | wc -l
        Assert.Equal(Directory.EnumerateFiles(Fixtures.Path("snomed", "snowstorm-lite-mini"), "*.txt", SearchOption.AllDirectories).Count(), names.Count);
    }

    [Theory]
    [InlineData("import")]
    [InlineData("import", "/nowhere/at/all", "--data-dir", "/tmp/x")]
    [InlineData("import", "RELEASE", "--data-dir", "/tmp/x", "--url", "http://127.0.0.1:1")]
    [InlineData("import", "RELEASE")]
    public void A_wrong_command_line_is_exit_code_2(params string[] args)
    {
        var (code, _, stderr) = Run(args.Select(a => a == "RELEASE" ? Dummy : a).ToArray());
        Assert.Equal(2, code);
        Assert.StartsWith("snomed import:", stderr, StringComparison.Ordinal);
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = SnomedCommand.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
