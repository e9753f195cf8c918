using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Fkj.Cdr.Rm.Codecs.Json;
using Fkj.Cdr.Rm.Codecs.Xml;
using Fkj.Cdr.Rm.Content;
using Fkj.Cdr.Rm.Meta;
using Xunit.Abstractions;

namespace Fkj.Cdr.Server.Tests.Ehr;

/// <summary>
/// Every canonical JSON and XML composition among the fixtures, through the REST API: one that is valid against
/// its template (among the fixture OPTs) is committed and read back equal, in its own format and in the other;
/// one that is not gets 422 with every error; one whose template is missing gets 422 naming it; one that is not
/// canonical gets 400. Classification: <see cref="CompositionFixtures"/>.
/// </summary>
[Collection(EhrServerCollection.Name)]
public sealed class CompositionFixtureTests
{
    private readonly EhrServerFixture _fixture;
    private readonly ITestOutputHelper _output;

    public CompositionFixtureTests(EhrServerFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var composition in CompositionFixtures.All) data.Add(composition.File);
        return data;
    }

    [Fact]
    public void FixtureCountsAreAsExpected()
    {
        var all = CompositionFixtures.All;
        foreach (var group in all.GroupBy(c => (c.IsXml, c.Kind)).OrderBy(g => g.Key.IsXml).ThenBy(g => g.Key.Kind))
        {
            _output.WriteLine($"{(group.Key.IsXml ? "XML " : "JSON")} {group.Key.Kind}: {group.Count()}");
        }
        // Guards against a fixture folder or template map going missing without notice.
        // At the time of writing: JSON 92 valid, 30 invalid, 16 without their template, 13 not canonical;
        // XML 20 valid, 7 invalid, 6 without their template, 8 not canonical.
        Assert.True(all.Count(c => !c.IsXml && c.Kind == FixtureKind.Valid) >= 92, "valid canonical JSON compositions");
        Assert.True(all.Count(c => c.IsXml && c.Kind == FixtureKind.Valid) >= 20, "valid canonical XML compositions");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task FixtureCompositionIsCommittedAndReadBackOrRefusedForItsReason(string file)
    {
        var fixture = CompositionFixtures.Get(file);
        var bytes = await File.ReadAllBytesAsync(Fixtures.Path(file.Split('/')));
        var contentType = fixture.IsXml ? "application/xml" : "application/json";
        var tenant = fixture.OptPath is { } opt ? await _fixture.TenantWithTemplateAsync(opt) : await _fixture.NewTenantAsync("notpl");
        var ehrId = await _fixture.CreateEhrAsync(tenant);

        using var response = await _fixture.SendAsync(HttpMethod.Post, $"/ehr/{ehrId}/composition", tenant, bytes, contentType);
        var answer = await response.Content.ReadAsStringAsync();
        switch (fixture.Kind)
        {
            case FixtureKind.NotCanonical:
                Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{file}: {(int)response.StatusCode} {answer}");
                await ErrorBody.ReadAsync(response, 400, "invalid_composition");
                return;
            case FixtureKind.NoTemplate:
                var error = await ErrorBody.ReadAsync(response, 422, fixture.TemplateId is null ? "template_id_missing" : "unknown_template");
                if (fixture.TemplateId is { } id) Assert.Contains(id, error.GetProperty("message").GetString());
                return;
            case FixtureKind.Invalid:
                var invalid = await ErrorBody.ReadAsync(response, 422, "invalid_composition");
                Assert.Equal(fixture.Errors, invalid.GetProperty("issues").GetArrayLength());
                return;
        }

        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{file}: {(int)response.StatusCode} {answer}");
        var uid = EhrServerFixture.VersionUidOf(response);

        // Read back in the format it was sent in: the same tree, but for the uid the server gave it.
        using var same = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{ehrId}/composition/{uid}", tenant, headers: ("Accept", contentType));
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        Assert.Equal(contentType, same.Content.Headers.ContentType?.MediaType);
        var read = await same.Content.ReadAsByteArrayAsync();
        var differences = fixture.IsXml ? CompareXml(bytes, read, uid) : CompareJson(bytes, read, uid);
        Assert.True(differences.Count == 0, $"{file} read back differs:{Environment.NewLine}{string.Join(Environment.NewLine, differences.Take(30))}");

        // And in the other format: decoded, it is the same composition.
        var other = fixture.IsXml ? "application/json" : "application/xml";
        using var crossed = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{ehrId}/composition/{uid}", tenant, headers: ("Accept", other));
        Assert.Equal(HttpStatusCode.OK, crossed.StatusCode);
        var crossedComposition = CompositionFixtures.Decode(await crossed.Content.ReadAsByteArrayAsync(), !fixture.IsXml);
        var asJson = CanonicalJson.Encode(crossedComposition);
        var crossDifferences = JsonTreeComparer.Differences(Parse(CanonicalJson.Encode(CompositionFixtures.Decode(read, fixture.IsXml))), Parse(asJson), emptyArrayIsAbsent: true);
        Assert.True(crossDifferences.Count == 0, $"{file} read as {other} differs:{Environment.NewLine}{string.Join(Environment.NewLine, crossDifferences.Take(30))}");
    }

    private static List<string> CompareJson(byte[] sent, byte[] read, string uid)
    {
        var readNode = JsonNode.Parse(read)!.AsObject();
        Assert.Equal(uid, readNode["uid"]?["value"]?.GetValue<string>());
        var sentNode = JsonNode.Parse(sent)!.AsObject();
        sentNode.Remove("uid");
        readNode.Remove("uid");
        return JsonTreeComparer.Differences(Parse(Encoding.UTF8.GetBytes(sentNode.ToJsonString())), Parse(Encoding.UTF8.GetBytes(readNode.ToJsonString())));
    }

    private static List<string> CompareXml(byte[] sent, byte[] read, string uid)
    {
        var readRoot = XDocument.Parse(Encoding.UTF8.GetString(read)).Root!;
        var readUid = readRoot.Elements().Single(e => e.Name.LocalName == "uid");
        Assert.Equal(uid, readUid.Elements().Single(e => e.Name.LocalName == "value").Value);
        readUid.Remove();
        using var stream = new MemoryStream(sent);
        var sentRoot = XDocument.Load(stream).Root!;
        sentRoot.Elements().SingleOrDefault(e => e.Name.LocalName == "uid")?.Remove();
        return XmlTreeComparer.Differences(sentRoot, readRoot, RmModel.Of<Composition>());
    }

    private static JsonElement Parse(byte[] utf8) => JsonDocument.Parse(utf8).RootElement;
}
