using System.Xml;

namespace Fkj.Cdr.Testing;

/// <summary>
/// The operational templates among the shared fixtures, as paths relative to the fixtures root. A file
/// counts as an OPT when it is named <c>*.opt</c>, or is XML whose root is <c>template</c> in the openEHR
/// namespace (the SDK data has one such <c>.xml</c>, AlternativeEvents.xml). The other files beside them
/// are not templates: compositions, template designer sources (<c>*.oet</c>), archetypes, notes.
/// </summary>
/// <remarks>The same sets as Fkj.Cdr.Templates.Tests' OptFixtures, for every test project.</remarks>
public static class TemplateFixtures
{
    public const string ValidFolder = "openehr/ehrbase-integration-tests/valid_templates";
    public const string InvalidFolder = "openehr/ehrbase-integration-tests/invalid_templates";
    public const string SdkFolder = "openehr/ehrbase-sdk-test-data/operationaltemplate";

    /// <summary>Every OPT that must parse: valid_templates/** then the SDK's operationaltemplate/, each in ordinal order.</summary>
    public static IEnumerable<string> Valid() => Opts(ValidFolder).Concat(Opts(SdkFolder));

    /// <summary>Every OPT that must be refused (invalid_templates/**).</summary>
    public static IEnumerable<string> Invalid() => Opts(InvalidFolder);

    /// <summary>The files under <paramref name="folder"/> that are not OPTs.</summary>
    public static IEnumerable<string> NotOpts(string folder) => All(folder).Where(f => !IsOpt(f));

    public static string FullPath(string relative) => Fixtures.Path(relative.Split('/'));

    public static byte[] Read(string relative) => File.ReadAllBytes(FullPath(relative));

    private static IEnumerable<string> Opts(string folder) => All(folder).Where(IsOpt);

    private static IEnumerable<string> All(string folder) =>
        Directory.EnumerateFiles(Fixtures.Path(folder.Split('/')), "*", SearchOption.AllDirectories)
            .Select(f => System.IO.Path.GetRelativePath(Fixtures.Root, f).Replace('\\', '/'))
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
