using System.Text.Json;
using Fkj.Cdr.Rm.Codecs.Json;
using Fkj.Cdr.Rm.Codecs.Xml;
using Fkj.Cdr.Rm.Content;
using Fkj.Cdr.Rm.Tests.Codecs.Json;
using Fkj.Cdr.Testing;

namespace Fkj.Cdr.Rm.Tests.Codecs.Xml;

/// <summary>
/// The two codecs carry the same RM: every composition the canonical JSON round trip accepts goes
/// JSON → RM → XML → RM → JSON and must come back as the input tree.
/// </summary>
public class JsonXmlCrossTests
{
    public static TheoryData<string> CompositionFiles()
    {
        var data = new TheoryData<string>();
        foreach (string file in CanonicalJsonRoundTripTests.CompositionFiles())
        {
            if (!CanonicalJsonRoundTripTests.NotCanonical.ContainsKey(Path.GetFileName(file)))
                data.Add(file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CompositionFiles))]
    public void Json_to_xml_to_json_keeps_the_tree(string file)
    {
        var input = File.ReadAllBytes(Fixtures.Path(file));
        var xml = CanonicalXml.Encode(CanonicalJson.Decode<Composition>(input));
        var output = CanonicalJson.Encode(CanonicalXml.Decode<Composition>(xml));

        using var expected = JsonDocument.Parse(input.AsMemory(input.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0));
        using var actual = JsonDocument.Parse(output);
        // An empty JSON array has no XML form (a list is a run of repeated elements), so it comes back absent.
        Assert.Empty(JsonTreeComparer.Differences(expected.RootElement, actual.RootElement, emptyArrayIsAbsent: true));
    }
}
