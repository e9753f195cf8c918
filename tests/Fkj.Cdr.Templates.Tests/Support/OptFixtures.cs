using System.Xml;
using Fkj.Cdr.Testing;

namespace Fkj.Cdr.Templates.Tests.Support;

/// <summary>
/// The operational templates among the shared fixtures. A file counts as an OPT when it is named
/// <c>*.opt</c>, or is XML whose root is <c>template</c> in the openEHR namespace (the SDK data has
/// one such <c>.xml</c>). The other files beside them are not templates: compositions and versions
/// (<c>*.xml</c>, including the <c>*.invalid.xml</c> compositions under invalid_templates), template
/// designer sources (<c>*.oet</c>, namespace openEHR/v1/Template), ADL archetypes and JSON.
/// </summary>
public static class OptFixtures
{
    public const string ValidFolder = "openehr/ehrbase-integration-tests/valid_templates";
    public const string InvalidFolder = "openehr/ehrbase-integration-tests/invalid_templates";
    public const string SdkFolder = "openehr/ehrbase-sdk-test-data/operationaltemplate";

    /// <summary>Every OPT that must parse, as paths relative to the fixtures root.</summary>
    public static IEnumerable<string> Valid() => Opts(ValidFolder).Concat(Opts(SdkFolder));

    /// <summary>Every OPT that must be refused.</summary>
    public static IEnumerable<string> Invalid() => Opts(InvalidFolder);

    /// <summary>The files under <paramref name="folder"/> that are not OPTs.</summary>
    public static IEnumerable<string> NotOpts(string folder) => All(folder).Where(f => !IsOpt(f));

    public static string FullPath(string relative) => Fixtures.Path(relative.Split('/'));

    public static TheoryData<string> AsTheoryData(IEnumerable<string> files)
    {
        var data = new TheoryData<string>();
        foreach (var file in files) data.Add(file);
        return data;
    }

    private static IEnumerable<string> Opts(string folder) => All(folder).Where(IsOpt);

    private static IEnumerable<string> All(string folder) =>
        Directory.EnumerateFiles(Fixtures.Path(folder.Split('/')), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Fixtures.Root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    private static bool IsOpt(string relative)
    {
        if (relative.EndsWith(".opt", StringComparison.Ordinal)) return true;
        if (!relative.EndsWith(".xml", StringComparison.Ordinal)) return false;
        try
        {
            using var reader = XmlReader.Create(FullPath(relative), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            return reader.MoveToContent() == XmlNodeType.Element
                   && reader.LocalName == "template"
                   && reader.NamespaceURI == "http://schemas.openehr.org/v1";
        }
        catch (XmlException)
        {
            return false;
        }
    }
}
