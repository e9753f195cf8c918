using System.Text.Json;
using Fkj.Cdr.Rm.Codecs;
using Fkj.Cdr.Rm.Codecs.Json;
using Fkj.Cdr.Rm.Content;
using Fkj.Cdr.Rm.Tests.Support;

namespace Fkj.Cdr.Rm.Tests.Codecs.Json;

/// <summary>
/// Every canonical JSON composition in the shared fixtures goes input → RM → output and must come
/// back as the same tree. Files that are not canonical JSON at all are listed in
/// <see cref="NotCanonical"/> with the reason, and must be refused with a located error instead.
/// </summary>
public class CanonicalJsonRoundTripTests
{
    public static readonly string[] Folders =
    [
        "openehr/ehrbase-integration-tests/compositions/CANONICAL_JSON",
        "openehr/ehrbase-sdk-test-data/composition/canonical_json",
        "openehr/ehrbase-integration-tests/aql/data_load/compositions",
    ];

    /// <summary>Fixture files that are not valid canonical JSON compositions, and why.</summary>
    public static readonly Dictionary<string, string> NotCanonical = new()
    {
    };

    public static TheoryData<string> CompositionFiles()
    {
        var data = new TheoryData<string>();
        foreach (var folder in Folders)
        foreach (var file in Fixtures.Files(folder, "*.json"))
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
            var error = Assert.Throws<RmFormatException>(() => CanonicalJson.Decode<Composition>(input));
            Assert.All(error.Errors, e => Assert.True(e.Line >= 1 && e.Column >= 1));
            return;
        }

        var composition = CanonicalJson.Decode<Composition>(input);
        var output = CanonicalJson.Encode(composition);

        using var expected = JsonDocument.Parse(input.AsMemory(input.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0));
        using var actual = JsonDocument.Parse(output);
        Assert.Empty(JsonTreeComparer.Differences(expected.RootElement, actual.RootElement));
    }
}
