using Fkj.Cdr.Cli.Generate;
using Fkj.Cdr.Cli.Tests.News2;
using Fkj.Cdr.Cli.Tests.Support;
using Fkj.Cdr.Rm.Codecs.Json;
using Fkj.Cdr.Templates.Flat;
using Fkj.Cdr.Templates.Opt.Parsing;
using Fkj.Cdr.Templates.Validation;
using Fkj.Cdr.Templates.WebTemplates;
using Fkj.Cdr.Testing;

namespace Fkj.Cdr.Cli.Tests.Generate;

/// <summary>--format flat: the same population as FLAT, which decodes to compositions that validate and score the same.</summary>
public class FlatFormatTests
{
    [Fact]
    public void Flat_compositions_decode_validate_and_keep_their_news2()
    {
        using var dir = new TempDirectory("fkj-gen-flat");
        new PopulationWriter(new GenerateOptions
        {
            Ehrs = 10, CompositionsPerEhr = 6, Seed = 11, Out = dir.Path, Format = CompositionFormat.Flat,
        }).Write();

        var template = OptParser.Parse(File.ReadAllBytes(Repository.Path("templates", "fkj.vital_signs_news2.v1.opt")));
        var webTemplate = WebTemplateBuilder.Build(template);
        var validator = TemplateValidator.Compile(template);
        var options = new FlatDecodeOptions { Now = new DateTimeOffset(2026, 6, 30, 12, 0, 0, TimeSpan.FromHours(2)) };
        for (var n = 1; n <= 10; n++)
        for (var k = 1; k <= 6; k++)
        {
            var composition = FlatComposition.Decode(File.ReadAllBytes(Path.Combine(dir.Path, "compositions", $"{n}", $"{k}.json")), webTemplate, options);
            var result = validator.Validate(composition);
            Assert.True(result.IsValid, $"{n}/{k}: {result}");
            News2OracleTests.Check(CompositionJson.Parse(CanonicalJson.Encode(composition)), $"FLAT composition {n}/{k}");
        }

        using var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir.Path, "manifest.json")));
        Assert.Equal("flat", manifest.RootElement.GetProperty("format").GetString());
        Assert.Equal("application/openehr.wt.flat+json", manifest.RootElement.GetProperty("media_type").GetString());
    }

    [Fact]
    public void Flat_output_is_deterministic_too()
    {
        using var a = new TempDirectory("fkj-gen-a");
        using var b = new TempDirectory("fkj-gen-b");
        foreach (var (dir, threads) in new[] { (a.Path, 1), (b.Path, 2) })
            new PopulationWriter(new GenerateOptions
            {
                Ehrs = 4, CompositionsPerEhr = 3, Seed = 12, Out = dir, Format = CompositionFormat.Flat, Threads = threads,
            }).Write();

        foreach (var file in Directory.EnumerateFiles(a.Path, "*", SearchOption.AllDirectories))
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(b.Path, Path.GetRelativePath(a.Path, file))));
    }
}
