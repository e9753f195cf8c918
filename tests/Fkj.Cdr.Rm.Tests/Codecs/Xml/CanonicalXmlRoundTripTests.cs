using System.Xml.Linq;
using Fkj.Cdr.Rm.Codecs;
using Fkj.Cdr.Rm.Codecs.Xml;
using Fkj.Cdr.Rm.Content;
using Fkj.Cdr.Rm.Meta;
using Fkj.Cdr.Testing;

namespace Fkj.Cdr.Rm.Tests.Codecs.Xml;

/// <summary>
/// Every canonical XML composition in the shared fixtures goes input → RM → output and must come
/// back as the same tree. Files that are not canonical XML are listed in <see cref="NotCanonical"/>
/// with the reason, and must be refused with a located error instead.
/// </summary>
public class CanonicalXmlRoundTripTests
{
    public static readonly string[] Folders =
    [
        "openehr/ehrbase-integration-tests/compositions/CANONICAL_XML",
        "openehr/ehrbase-sdk-test-data/composition/canonical_xml",
    ];

    /// <summary>Fixture files that are not valid canonical XML compositions, and why.</summary>
    public static readonly Dictionary<string, string> NotCanonical = new()
    {
        ["consult_record__.xml"] = ArchieArchetypeId,
        ["family_history__.xml"] = ArchieArchetypeId,
        ["family_history__with_uid.xml"] = ArchieArchetypeId,
        ["family_history.v2__.xml"] = ArchieArchetypeId,
        ["nested.en.v1__invalid_wrong_structure.xml"] = "not well-formed XML: the file begins \"?xml\", the '<' of the XML declaration is missing",
        ["persistent_minimal.en.v1__invalid_wrong_structure.xml"] = "not well-formed XML: the file begins \"?xml\", the '<' of the XML declaration is missing",
        ["RIPPLE_conformanceTesting_OBSERVATION.pulse.v1.xml"] =
            "the OBSERVATION at content[1]/items[1] has its <language> commented out; ENTRY.language is mandatory (Ehr.xsd, minOccurs 1)",
        ["test_all_types_participations_invalid.xml"] =
            "context/participations[1]/function has a <defining_code> but no xsi:type=\"DV_CODED_TEXT\"; PARTICIPATION.function is declared DV_TEXT, which has no defining_code",
    };

    private const string ArchieArchetypeId =
        "every archetype_id carries Archie's parsed fields <qualifiedRmEntity>, <domainConcept>, <rmOriginator>, <rmName>, <rmEntity> "
        + "and <versionId> as child elements; ARCHETYPE_ID (BaseTypes.xsd) extends OBJECT_ID, whose only element is <value>";

    public static TheoryData<string> CompositionFiles()
    {
        var data = new TheoryData<string>();
        foreach (var folder in Folders)
        foreach (var file in Fixtures.Files(folder, "*.xml"))
            data.Add(Path.GetRelativePath(Fixtures.Root, file));
        return data;
    }

    [Theory]
    [MemberData(nameof(CompositionFiles))]
    public void Composition_round_trips_or_is_a_known_invalid_fixture(string file)
    {
        var input = File.ReadAllBytes(Fixtures.Path(file));
        if (NotCanonical.ContainsKey(Path.GetFileName(file)))
        {
            var error = Assert.Throws<RmFormatException>(() => CanonicalXml.Decode<Composition>(input));
            Assert.All(error.Errors, e => Assert.True(e.Line >= 1 && e.Column >= 1));
            return;
        }

        var composition = CanonicalXml.Decode<Composition>(input);
        var output = CanonicalXml.Encode(composition);

        var expected = XDocument.Load(new MemoryStream(input), LoadOptions.PreserveWhitespace).Root!;
        var actual = XDocument.Load(new MemoryStream(output), LoadOptions.PreserveWhitespace).Root!;
        Assert.Empty(XmlTreeComparer.Differences(expected, actual, RmModel.Of<Composition>()));
    }

    [Fact]
    public void Every_exclusion_names_a_fixture_file()
    {
        var names = Folders.SelectMany(f => Fixtures.Files(f, "*.xml")).Select(Path.GetFileName).ToHashSet();
        Assert.All(NotCanonical.Keys, k => Assert.Contains(k, names));
    }
}
