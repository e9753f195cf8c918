using System.Text.Json;
using Fkj.Cdr.Rm.Codecs.Json;
using Fkj.Cdr.Rm.Common;
using Fkj.Cdr.Rm.Meta;
using Fkj.Cdr.Rm.Records;
using Fkj.Cdr.Testing;

namespace Fkj.Cdr.Rm.Tests.Codecs.Json;

/// <summary>EHR_STATUS and FOLDER bodies from the fixtures round-trip like compositions do.</summary>
public class CanonicalJsonOtherRootsTests
{
    /// <summary>The legacy EtherCIS body (subjectId, queryable, ...) is not an EHR_STATUS at all.</summary>
    private const string EtherCisStatus = "000_ehr_status_ecis.json";

    public static TheoryData<string, string> Files()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Fixtures.Files("openehr/ehrbase-integration-tests/ehr/valid", "*.json"))
            if (Path.GetFileName(file) != EtherCisStatus) data.Add(Path.GetRelativePath(Fixtures.Root, file), "EHR_STATUS");
        foreach (var file in Fixtures.Files("openehr/ehrbase-integration-tests/directory", "*.json"))
            data.Add(Path.GetRelativePath(Fixtures.Root, file), "FOLDER");
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Round_trips(string file, string rootType)
    {
        var input = File.ReadAllBytes(Fixtures.Path(file));
        var value = CanonicalJson.Decode(input, RmModel.Get(rootType));
        Assert.Equal(rootType, value.RmType.Name);

        using var expected = JsonDocument.Parse(input);
        using var actual = JsonDocument.Parse(CanonicalJson.Encode(value));
        Assert.Empty(JsonTreeComparer.Differences(expected.RootElement, actual.RootElement));
    }

    [Fact]
    public void The_ethercis_status_body_is_refused_by_attribute()
    {
        var error = Assert.Throws<Fkj.Cdr.Rm.Codecs.RmFormatException>(() => CanonicalJson.Decode<EhrStatus>(File.ReadAllBytes(
            Fixtures.Path("openehr/ehrbase-integration-tests/ehr/valid", EtherCisStatus))));
        Assert.Contains(error.Errors, e => e.Path == "/subjectId");
    }

    [Fact]
    public void Ehr_status_values_are_read_into_the_model()
    {
        var status = CanonicalJson.Decode<EhrStatus>(File.ReadAllBytes(
            Fixtures.Path("openehr/ehrbase-integration-tests/ehr/valid/000_ehr_status.json")));
        using var json = JsonDocument.Parse(File.ReadAllBytes(
            Fixtures.Path("openehr/ehrbase-integration-tests/ehr/valid/000_ehr_status.json")));
        Assert.Equal(json.RootElement.GetProperty("is_queryable").GetBoolean(), status.IsQueryable);
        Assert.Equal(json.RootElement.GetProperty("subject").GetProperty("external_ref").GetProperty("id").GetProperty("value").GetString(),
            status.Subject.ExternalRef!.Id.Value);
    }
}
