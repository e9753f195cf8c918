using System.Text.Json;
using System.Xml.Linq;
using Fkj.Cdr.Rm.Codecs;
using Fkj.Cdr.Rm.Codecs.Json;
using Fkj.Cdr.Rm.Codecs.Xml;
using Fkj.Cdr.Rm.Common;
using Fkj.Cdr.Rm.Content;
using Fkj.Cdr.Rm.Meta;
using Fkj.Cdr.Rm.Tests.Codecs.Json;
using Fkj.Cdr.Testing;
using Version = Fkj.Cdr.Rm.Common.Version;

namespace Fkj.Cdr.Rm.Tests.Codecs.Xml;

/// <summary>Roots other than COMPOSITION: VERSION documents from the fixtures, and EHR_STATUS and FOLDER through XML.</summary>
public class CanonicalXmlOtherRootsTests
{
    private const string Templates = "openehr/ehrbase-integration-tests/valid_templates";

    /// <summary>Version fixtures whose composition is not valid RM, and why.</summary>
    public static readonly Dictionary<string, string> NotCanonical = new()
    {
        ["alternative_types.version.xml"] = "a DV_COUNT has <magnitude>456.789</magnitude>; DV_COUNT.magnitude is xs:long",
        ["minimal_action_2.instance.version.xml"] = "its ACTION has no <ism_transition>, which is mandatory (Ehr.xsd, minOccurs 1)",
    };

    public static TheoryData<string> VersionFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Fixtures.Path(Templates), "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (XDocument.Load(file).Root!.Name.LocalName == "version")
                data.Add(Path.GetRelativePath(Fixtures.Root, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(VersionFiles))]
    public void Version_documents_round_trip(string file)
    {
        var input = File.ReadAllBytes(Fixtures.Path(file));
        if (NotCanonical.ContainsKey(Path.GetFileName(file)))
        {
            Assert.Throws<RmFormatException>(() => CanonicalXml.Decode<Version>(input));
            return;
        }

        var version = Assert.IsType<OriginalVersion>(CanonicalXml.Decode<Version>(input));
        Assert.IsType<Composition>(version.Data);
        var output = CanonicalXml.Encode(version);

        var expected = XDocument.Load(new MemoryStream(input), LoadOptions.PreserveWhitespace).Root!;
        var actual = XDocument.Load(new MemoryStream(output), LoadOptions.PreserveWhitespace).Root!;
        Assert.Equal("version", actual.Name.LocalName);
        Assert.Empty(XmlTreeComparer.Differences(expected, actual, RmModel.Of<Version>()));
    }

    [Theory]
    [MemberData(nameof(CanonicalJsonOtherRootsTests.Files), MemberType = typeof(CanonicalJsonOtherRootsTests))]
    public void Json_to_xml_to_json_keeps_the_tree(string file, string rootType)
    {
        var input = File.ReadAllBytes(Fixtures.Path(file));
        var xml = CanonicalXml.Encode(CanonicalJson.Decode(input, RmModel.Get(rootType)));
        Assert.Equal(rootType.ToLowerInvariant(), XDocument.Load(new MemoryStream(xml)).Root!.Name.LocalName);

        // The document element names the root type, so no expected type is needed to read it back.
        var value = CanonicalXml.Decode(xml);
        Assert.Equal(rootType, value.RmType.Name);

        using var expected = JsonDocument.Parse(input);
        using var actual = JsonDocument.Parse(CanonicalJson.Encode(value));
        Assert.Empty(JsonTreeComparer.Differences(expected.RootElement, actual.RootElement, emptyArrayIsAbsent: true));
    }
}
