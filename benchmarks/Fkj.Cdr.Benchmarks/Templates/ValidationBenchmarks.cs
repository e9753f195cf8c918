using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Fkj.Cdr.Rm.Codecs.Json;
using Fkj.Cdr.Rm.Content;
using Fkj.Cdr.Templates.Opt;
using Fkj.Cdr.Templates.Opt.Parsing;
using Fkj.Cdr.Templates.Validation;

namespace Fkj.Cdr.Benchmarks.Templates;

/// <summary>
/// Template validation: the vital-signs composition (decoded once) validated by the compiled
/// fkj.vital_signs_news2.v1 validator, against <see cref="JsonDocument.Parse(ReadOnlyMemory{byte}, JsonDocumentOptions)"/>
/// of the same bytes as the baseline; and the one-off cost of a large template, the International
/// Patient Summary OPT (ips.v0.opt, about 2 MB), parsed and compiled.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ValidationBenchmarks
{
    private byte[] json = [];
    private Composition composition = null!;
    private TemplateValidator validator = null!;
    private byte[] ipsOpt = [];
    private OperationalTemplate ips = null!;

    [GlobalSetup]
    public void Setup()
    {
        json = TestData.VitalSigns();
        composition = CanonicalJson.Decode<Composition>(json);
        validator = TemplateValidator.Compile(OptParser.Parse(File.ReadAllBytes(Repository("templates", "fkj.vital_signs_news2.v1.opt"))));
        var result = validator.Validate(composition);
        if (!result.IsValid) throw new InvalidOperationException($"The vital-signs composition does not validate:{Environment.NewLine}{result}");

        ipsOpt = File.ReadAllBytes(Repository("..", "shared", "fixtures", "openehr", "ehrbase-sdk-test-data", "operationaltemplate", "ips.v0.opt"));
        ips = OptParser.Parse(ipsOpt);
    }

    [Benchmark(Baseline = true)]
    public int JsonDocumentParse()
    {
        using var parsed = JsonDocument.Parse(json);
        return (int)parsed.RootElement.ValueKind;
    }

    [Benchmark]
    public ValidationResult Validate() => validator.Validate(composition);

    [Benchmark]
    public TemplateValidator CompileIps() => TemplateValidator.Compile(ips);

    [Benchmark]
    public TemplateValidator ParseAndCompileIps() => TemplateValidator.Compile(OptParser.Parse(ipsOpt));

    /// <summary>A path from the repository root (found above the benchmark binaries; the fixtures are beside it).</summary>
    private static string Repository(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Fkj.Cdr.sln"))) return Path.Combine([dir.FullName, .. parts]);
        throw new DirectoryNotFoundException("Fkj.Cdr.sln not found above the benchmark binaries");
    }
}
