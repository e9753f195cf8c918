using System.Collections.Concurrent;
using Fkj.Cdr.Rm.Codecs;
using Fkj.Cdr.Rm.Codecs.Json;
using Fkj.Cdr.Rm.Codecs.Xml;
using Fkj.Cdr.Rm.Content;
using Fkj.Cdr.Templates.Opt.Parsing;
using Fkj.Cdr.Templates.Validation;

namespace Fkj.Cdr.Server.Tests.Ehr;

/// <summary>What a fixture composition is, decided without the server: canonical or not, its template among the fixture OPTs, valid against it or not.</summary>
public enum FixtureKind
{
    /// <summary>Not canonical JSON or XML (FLAT under a .json name, EtherCIS formats, known-broken files).</summary>
    NotCanonical,

    /// <summary>Canonical, but its template is not among the fixture OPTs.</summary>
    NoTemplate,

    /// <summary>Canonical, and its template's validator finds errors.</summary>
    Invalid,

    /// <summary>Canonical and valid against its template.</summary>
    Valid,
}

/// <summary>A fixture composition with its classification.</summary>
public sealed record FixtureComposition(string File, bool IsXml, FixtureKind Kind, string? TemplateId, string? OptPath, int Errors);

/// <summary>
/// The canonical JSON and XML compositions among the shared fixtures, each classified by decoding it and
/// validating it against its template from the fixture OPTs (chosen as Fkj.Cdr.Templates.Tests chooses it:
/// from the composition's own fixture set where several OPTs share an id).
/// </summary>
public static class CompositionFixtures
{
    public static readonly string[] JsonFolders =
    [
        "openehr/ehrbase-integration-tests/compositions/CANONICAL_JSON",
        "openehr/ehrbase-integration-tests/compositions/valid",
        "openehr/ehrbase-integration-tests/aql/data_load/compositions",
        "openehr/ehrbase-sdk-test-data/composition/canonical_json",
    ];

    public static readonly string[] XmlFolders =
    [
        "openehr/ehrbase-integration-tests/compositions/CANONICAL_XML",
        "openehr/ehrbase-integration-tests/compositions/valid",
        "openehr/ehrbase-integration-tests/xml_compositions",
        "openehr/ehrbase-sdk-test-data/composition/canonical_xml",
    ];

    private static readonly Lazy<Dictionary<string, List<string>>> OptsByTemplateId = new(() =>
    {
        var map = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var opt in TemplateFixtures.Valid())
        {
            using var stream = File.OpenRead(TemplateFixtures.FullPath(opt));
            var id = OptParser.Parse(stream).TemplateId;
            if (!map.TryGetValue(id, out var list)) map[id] = list = [];
            list.Add(opt);
        }
        return map;
    });

    private static readonly ConcurrentDictionary<string, TemplateValidator> Validators = new(StringComparer.Ordinal);

    private static readonly Lazy<List<FixtureComposition>> Classified = new(() =>
        JsonFolders.SelectMany(f => Fixtures.Files(f, "*.json")).Select(f => Classify(f, isXml: false))
            .Concat(XmlFolders.SelectMany(f => Fixtures.Files(f, "*.xml")).Select(f => Classify(f, isXml: true)))
            .ToList());

    public static IReadOnlyList<FixtureComposition> All => Classified.Value;

    public static FixtureComposition Get(string file) => All.Single(c => c.File == file);

    /// <summary>The path of a fixture file relative to the fixtures root.</summary>
    public static string Relative(string path) => Path.GetRelativePath(Fixtures.Root, path).Replace('\\', '/');

    public static Composition Decode(byte[] bytes, bool isXml) =>
        isXml ? CanonicalXml.Decode<Composition>(bytes) : CanonicalJson.Decode<Composition>(bytes);

    private static FixtureComposition Classify(string path, bool isXml)
    {
        var file = Relative(path);
        Composition composition;
        try
        {
            composition = Decode(File.ReadAllBytes(path), isXml);
        }
        catch (RmFormatException)
        {
            return new FixtureComposition(file, isXml, FixtureKind.NotCanonical, null, null, 0);
        }
        var templateId = composition.ArchetypeDetails?.TemplateId?.Value;
        if (templateId is null || OptFor(file, templateId) is not { } opt)
        {
            return new FixtureComposition(file, isXml, FixtureKind.NoTemplate, templateId, null, 0);
        }
        var validator = Validators.GetOrAdd(opt, o =>
        {
            using var stream = File.OpenRead(TemplateFixtures.FullPath(o));
            return TemplateValidator.Compile(OptParser.Parse(stream));
        });
        var result = validator.Validate(composition);
        return new FixtureComposition(file, isXml, result.IsValid ? FixtureKind.Valid : FixtureKind.Invalid, templateId, TemplateFixtures.FullPath(opt), result.Errors.Count);
    }

    private static string? OptFor(string composition, string templateId)
    {
        if (!OptsByTemplateId.Value.TryGetValue(templateId, out var candidates)) return null;
        var preferred = composition.Contains("/aql/data_load/", StringComparison.Ordinal) ? "/aql/data_load/"
            : composition.Contains("ehrbase-sdk-test-data", StringComparison.Ordinal) ? "ehrbase-sdk-test-data"
            : "/valid_templates/";
        return candidates.FirstOrDefault(c => c.Contains(preferred, StringComparison.Ordinal)) ?? candidates[0];
    }
}
