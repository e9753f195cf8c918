using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fkj.Cdr.Rm.Codecs;
using Fkj.Cdr.Templates.Flat;
using Fkj.Cdr.Templates.Opt.Parsing;
using Fkj.Cdr.Templates.Validation;
using Fkj.Cdr.Templates.WebTemplates;
using Xunit.Abstractions;
using static Fkj.Cdr.Server.Tests.Ehr.EhrTestData;

namespace Fkj.Cdr.Server.Tests.Ehr;

/// <summary>
/// FLAT and STRUCTURED on the composition endpoints: written and read with the template's web template (a FLAT
/// body names its template in the templateId query parameter), and the FLAT fixtures whose template is known.
/// </summary>
[Collection(EhrServerCollection.Name)]
public sealed class FlatTests
{
    private const string Flat = "application/openehr.wt.flat+json";
    private const string Structured = "application/openehr.wt.structured+json";
    private const string FlatFolder = "openehr/ehrbase-integration-tests/compositions/FLAT";

    private readonly EhrServerFixture _fixture;
    private readonly ITestOutputHelper _output;

    public FlatTests(EhrServerFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    [Theory]
    [InlineData(Flat)]
    [InlineData(Structured)]
    [InlineData("application/openehr.wt.flat.schema+json")]
    [InlineData("application/openehr.wt.structured.schema+json")]
    public async Task VitalSignsGoInAndOutAsFlatAndStructured(string mediaType)
    {
        var tenant = await _fixture.VitalSignsTenantAsync();
        var ehr = await _fixture.CreateEhrAsync(tenant);
        var canonical = await _fixture.CommitAsync(tenant, ehr, VitalSigns(133));
        using var asSimplified = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{ehr}/composition/{canonical}", tenant, headers: ("Accept", mediaType));
        Assert.Equal(HttpStatusCode.OK, asSimplified.StatusCode);
        // Either spelling is accepted; the answer is in the format asked for, spelt as ITS-REST spells it.
        var isFlat = mediaType.Contains(".flat", StringComparison.Ordinal);
        Assert.Equal(isFlat ? Flat : Structured, asSimplified.Content.Headers.ContentType?.MediaType);
        var simplified = await asSimplified.Content.ReadAsByteArrayAsync();
        Assert.Contains("133", Encoding.UTF8.GetString(simplified));

        using var posted = await _fixture.SendAsync(HttpMethod.Post, $"/ehr/{ehr}/composition?templateId=fkj.vital_signs_news2.v1", tenant, simplified, mediaType,
            Prefer("representation"), ("Accept", mediaType));
        Assert.True(posted.StatusCode == HttpStatusCode.Created, await posted.Content.ReadAsStringAsync());
        Assert.Equal(isFlat ? Flat : Structured, posted.Content.Headers.ContentType?.MediaType);
        var uid = EhrServerFixture.VersionUidOf(posted);
        Assert.Equal(133, SystolicOf(await ReadJsonAsync(tenant, ehr, uid)));
        // FLAT and STRUCTURED carry what the web template has nodes for (no DV_QUANTITY.property, no name
        // mappings, ...), so the canonical composition made from them is not the one they were made of; what
        // they carry comes back the same.
        using var readBack = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{ehr}/composition/{uid}", tenant, headers: ("Accept", mediaType));
        var readBackBytes = await readBack.Content.ReadAsByteArrayAsync();
        var differences = JsonTreeComparer.Differences(WithoutUid(Encoding.UTF8.GetString(simplified)), WithoutUid(Encoding.UTF8.GetString(readBackBytes)));
        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));

        // An update in the format (of what was read, whose uid is this composition's), and a refusal in it with
        // every problem located at its key.
        using var update = await _fixture.SendAsync(HttpMethod.Put, $"/ehr/{ehr}/composition/{uid.Split("::")[0]}?templateId=fkj.vital_signs_news2.v1", tenant,
            readBackBytes, mediaType, IfMatch(uid));
        Assert.True(update.StatusCode == HttpStatusCode.NoContent, await update.Content.ReadAsStringAsync());
        if (isFlat)
        {
            var broken = JsonNode.Parse(simplified)!.AsObject();
            broken["vitale_parametre_og_news2/no_such_node"] = "x";
            using var refused = await _fixture.SendAsync(HttpMethod.Post, $"/ehr/{ehr}/composition?templateId=fkj.vital_signs_news2.v1", tenant,
                Encoding.UTF8.GetBytes(broken.ToJsonString()), mediaType);
            var error = await ErrorBody.ReadAsync(refused, 400, "invalid_composition");
            Assert.Contains(error.GetProperty("issues").EnumerateArray(), i => i.GetProperty("path").GetString()!.Contains("no_such_node", StringComparison.Ordinal));
        }
    }

    public static TheoryData<string> FlatFixtures()
    {
        var data = new TheoryData<string>();
        foreach (var file in Fixtures.Files(FlatFolder, "*.json")) data.Add(Path.GetFileName(file));
        return data;
    }

    /// <summary>
    /// Every FLAT fixture of the integration tests whose template id starts its file name (EHRbase's naming,
    /// <c>{template_id}__{case}.json</c> or <c>{template_id}_{timestamp}….flat.json</c>) and is among the fixture
    /// OPTs: decided as this server's converter and validator decide it without HTTP, it is refused (400 not FLAT
    /// of the template, 422 not valid), or committed and read back as canonical JSON and as FLAT, and that FLAT
    /// committed again reads back as the same composition.
    /// </summary>
    [Theory]
    [MemberData(nameof(FlatFixtures))]
    public async Task FlatFixtureIsCommittedAndReadBackOrRefused(string name)
    {
        if (TemplateOf(name) is not { } opt)
        {
            _output.WriteLine($"{name}: its template is not named by the file name; left to the FLAT converter's own tests");
            return;
        }
        var body = await File.ReadAllBytesAsync(Fixtures.Path([.. FlatFolder.Split('/'), name]));
        var (templateId, expected, errors) = Classify(opt, body);
        _output.WriteLine($"{name}: {templateId}, expected {expected}");
        var tenant = await _fixture.TenantWithTemplateAsync(TemplateFixtures.FullPath(opt));
        var ehr = await _fixture.CreateEhrAsync(tenant);
        using var posted = await _fixture.SendAsync(HttpMethod.Post, $"/ehr/{ehr}/composition?templateId={Uri.EscapeDataString(templateId)}", tenant, body, Flat);
        var answer = await posted.Content.ReadAsStringAsync();
        Assert.True((int)posted.StatusCode == expected, $"{name} ({templateId}): expected {expected}, got {(int)posted.StatusCode}: {answer}");
        if (expected == 422)
        {
            Assert.Equal(errors, JsonDocument.Parse(answer).RootElement.GetProperty("issues").GetArrayLength());
        }
        if (expected != 201)
        {
            return;
        }
        var uid = EhrServerFixture.VersionUidOf(posted);
        var canonical = await ReadJsonAsync(tenant, ehr, uid);
        using var asFlat = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{ehr}/composition/{uid}", tenant, headers: ("Accept", Flat));
        var flat = await asFlat.Content.ReadAsByteArrayAsync();
        using var again = await _fixture.SendAsync(HttpMethod.Post, $"/ehr/{ehr}/composition?templateId={Uri.EscapeDataString(templateId)}", tenant, flat, Flat);
        Assert.True(again.StatusCode == HttpStatusCode.Created, $"{name}: the FLAT read back is refused: {await again.Content.ReadAsStringAsync()}");
        var differences = Differences(canonical, await ReadJsonAsync(tenant, ehr, EhrServerFixture.VersionUidOf(again)));
        Assert.True(differences.Count == 0, $"{name}:{Environment.NewLine}{string.Join(Environment.NewLine, differences)}");
    }

    private async Task<string> ReadJsonAsync(string tenant, string ehr, string uid)
    {
        using var response = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{ehr}/composition/{uid}", tenant);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static List<string> Differences(string expected, string actual)
    {
        var a = JsonNode.Parse(expected)!.AsObject();
        var b = JsonNode.Parse(actual)!.AsObject();
        a.Remove("uid");
        b.Remove("uid");
        return JsonTreeComparer.Differences(Json(a.ToJsonString()), Json(b.ToJsonString()));
    }

    /// <summary>A FLAT or STRUCTURED document without its composition uid (<c>…/_uid</c>), which each commit sets anew.</summary>
    private static JsonElement WithoutUid(string json)
    {
        var node = JsonNode.Parse(json)!;
        Strip(node);
        return Json(node.ToJsonString());

        static void Strip(JsonNode? node)
        {
            if (node is JsonObject o)
            {
                foreach (var key in o.Select(p => p.Key).Where(k => k == "_uid" || k.EndsWith("/_uid", StringComparison.Ordinal)).ToList()) o.Remove(key);
                foreach (var (_, value) in o) Strip(value);
            }
            else if (node is JsonArray a)
            {
                foreach (var item in a) Strip(item);
            }
        }
    }

    private static readonly Lazy<Dictionary<string, string>> OptByTemplateId = new(() =>
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var opt in TemplateFixtures.Valid().Where(o => o.Contains("/valid_templates/", StringComparison.Ordinal)))
        {
            using var stream = File.OpenRead(TemplateFixtures.FullPath(opt));
            map.TryAdd(OptParser.Parse(stream).TemplateId, opt);
        }
        return map;
    });

    private static string? TemplateOf(string name) =>
        OptByTemplateId.Value.Keys
            .Where(id => name.StartsWith(id + "__", StringComparison.Ordinal) || name.StartsWith(id + "_20", StringComparison.Ordinal))
            .OrderByDescending(id => id.Length)
            .Select(id => OptByTemplateId.Value[id])
            .FirstOrDefault();

    /// <summary>What the server must answer to a FLAT fixture: its template id, the status, and the number of validation errors.</summary>
    private static (string TemplateId, int Status, int Errors) Classify(string opt, byte[] body)
    {
        using var stream = File.OpenRead(TemplateFixtures.FullPath(opt));
        var template = OptParser.Parse(stream);
        try
        {
            var composition = FlatComposition.Decode(body, WebTemplateBuilder.Build(template));
            var result = TemplateValidator.Compile(template).Validate(composition);
            return (template.TemplateId, result.IsValid ? 201 : 422, result.Errors.Count);
        }
        catch (RmFormatException)
        {
            return (template.TemplateId, 400, 0);
        }
    }
}
