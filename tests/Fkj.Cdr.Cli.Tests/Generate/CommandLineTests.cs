using Fkj.Cdr.Cli.Generate;
using Fkj.Cdr.Testing;

namespace Fkj.Cdr.Cli.Tests.Generate;

public class CommandLineTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Program.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Generate_writes_the_layout_and_a_manifest()
    {
        using var dir = new TempDirectory("fkj-gen");
        var (code, _, err) = Run("generate", "--ehrs", "3", "--compositions-per-ehr=2", "--seed", "5", "--out", dir.Path);
        Assert.Equal(0, code);
        Assert.Contains("generated 3 EHRs and 6 compositions", err);
        foreach (var n in new[] { 1, 2, 3 })
        {
            Assert.True(File.Exists(Path.Combine(dir.Path, "ehrs", $"{n}.json")));
            Assert.True(File.Exists(Path.Combine(dir.Path, "compositions", $"{n}", "1.json")));
            Assert.True(File.Exists(Path.Combine(dir.Path, "compositions", $"{n}", "2.json")));
        }

        using var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir.Path, "manifest.json")));
        var m = manifest.RootElement;
        Assert.Equal(5UL, m.GetProperty("seed").GetUInt64());
        Assert.Equal(3, m.GetProperty("ehrs").GetInt32());
        Assert.Equal(2, m.GetProperty("compositions_per_ehr").GetInt32());
        Assert.Equal(6, m.GetProperty("compositions").GetInt32());
        Assert.Equal("fkj.vital_signs_news2.v1", m.GetProperty("template_id").GetString());
        Assert.Equal(PopulationModel.GeneratorVersion, m.GetProperty("generator_version").GetString());
        Assert.Equal("2026-06-30", m.GetProperty("timeline_end").GetString());
    }

    [Fact]
    public void A_non_empty_directory_is_refused_unless_forced()
    {
        using var dir = new TempDirectory("fkj-gen");
        Assert.Equal(0, Run("generate", "--ehrs", "2", "--compositions-per-ehr", "1", "--seed", "1", "--out", dir.Path).Code);
        var again = Run("generate", "--ehrs", "1", "--compositions-per-ehr", "1", "--seed", "1", "--out", dir.Path);
        Assert.Equal(2, again.Code);
        Assert.Contains("not empty", again.Err);

        File.WriteAllText(Path.Combine(dir.Path, "notes.txt"), "kept");
        Assert.Equal(0, Run("generate", "--ehrs", "1", "--compositions-per-ehr", "1", "--seed", "1", "--out", dir.Path, "--force").Code);
        Assert.False(File.Exists(Path.Combine(dir.Path, "ehrs", "2.json")), "--force removes the earlier run's files");
        Assert.True(File.Exists(Path.Combine(dir.Path, "notes.txt")), "--force leaves other files alone");
    }

    [Theory]
    [InlineData("--compositions-per-ehr", "1", "--seed", "1", "--out", "x")]
    [InlineData("--ehrs", "0", "--compositions-per-ehr", "1", "--seed", "1", "--out", "x")]
    [InlineData("--ehrs", "1", "--compositions-per-ehr", "1", "--seed", "-1", "--out", "x")]
    [InlineData("--ehrs", "1", "--compositions-per-ehr", "1", "--seed", "1", "--out", "x", "--format", "xml")]
    [InlineData("--ehrs", "1", "--ehrs", "2", "--compositions-per-ehr", "1", "--seed", "1", "--out", "x")]
    [InlineData("--ehrs", "1", "--compositions-per-ehr", "1", "--seed", "1", "--out", "x", "--colour", "red")]
    [InlineData("--ehrs", "1", "--compositions-per-ehr", "1", "--seed", "1", "--out")]
    public void Wrong_command_lines_exit_2_with_a_reason(params string[] args)
    {
        var (code, _, err) = Run(["generate", .. args]);
        Assert.Equal(2, code);
        Assert.StartsWith("generate: ", err);
    }

    [Fact]
    public void Help_lists_the_options()
    {
        var (code, stdout, _) = Run("generate", "--help");
        Assert.Equal(0, code);
        Assert.Contains("--compositions-per-ehr", stdout);
    }
}
