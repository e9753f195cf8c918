using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Fkj.Cdr.Rm.Codecs.Json;
using Fkj.Cdr.Rm.Content;
using Fkj.Cdr.Templates.Opt;
using Fkj.Cdr.Templates.Opt.Parsing;
using Fkj.Cdr.Templates.Tests.Support;
using Fkj.Cdr.Templates.Validation;
using Fkj.Cdr.Testing;

namespace Fkj.Cdr.Templates.Tests.Validation;

/// <summary>Templates and compositions of the shared fixtures, parsed and compiled once per test run.</summary>
internal static class ValidationFixtures
{
    private static readonly ConcurrentDictionary<string, TemplateValidator> Validators = new();

    public static OperationalTemplate Parse(string relativePath)
    {
        using var stream = File.OpenRead(OptFixtures.FullPath(relativePath));
        return OptParser.Parse(stream);
    }

    /// <summary>The compiled validator of a fixture OPT (path relative to the fixtures root).</summary>
    public static TemplateValidator Validator(string relativePath) =>
        Validators.GetOrAdd(relativePath, p => TemplateValidator.Compile(Parse(p)));

    public static TemplateValidator VitalSigns() =>
        Validators.GetOrAdd("vital-signs", _ =>
        {
            using var stream = File.OpenRead(RepositoryPath("templates", "fkj.vital_signs_news2.v1.opt"));
            return TemplateValidator.Compile(OptParser.Parse(stream));
        });

    public static byte[] VitalSignsComposition() =>
        File.ReadAllBytes(RepositoryPath("benchmarks", "Fkj.Cdr.Benchmarks", "Data", "vital-signs.json"));

    /// <summary>A file of this repository, found from the test binaries.</summary>
    public static string RepositoryPath(params string[] parts) => Path.Combine([FindRepository(), .. parts]);

    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Fkj.Cdr.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Fkj.Cdr.sln not found above the test binaries");
    }

    public static JsonNode Json(string relativePath) => JsonNode.Parse(File.ReadAllBytes(OptFixtures.FullPath(relativePath)))!;

    public static Composition Decode(JsonNode json) => CanonicalJson.Decode<Composition>(Encoding.UTF8.GetBytes(json.ToJsonString()));
}
