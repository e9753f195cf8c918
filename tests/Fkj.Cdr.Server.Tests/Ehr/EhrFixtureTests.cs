using System.Net;
using System.Text;
using System.Text.Json;

namespace Fkj.Cdr.Server.Tests.Ehr;

/// <summary>
/// The EHR_STATUS bodies of the EHRbase integration tests (<c>ehr/valid</c>, <c>ehr/invalid</c>) as bodies of
/// <c>POST /ehr</c>. Each is decided by the specifications, and three of them differently from their folder,
/// listed in <see cref="Decisions"/> with the reason.
/// </summary>
[Collection(EhrServerCollection.Name)]
public sealed class EhrFixtureTests
{
    /// <summary>The placeholder the fixtures use where EHRbase's tests put a fresh subject id.</summary>
    private const string Placeholder = "__AUTO-GENRATED-BY-TEST__";

    /// <summary>Fixtures decided against their folder, with the status they get and why.</summary>
    public static readonly Dictionary<string, (HttpStatusCode Status, string Reason)> Decisions = new()
    {
        ["valid/000_ehr_status_ecis.json"] = (HttpStatusCode.BadRequest,
            "not an EHR_STATUS: the legacy EtherCIS body (subjectId, subjectNamespace, queryable, modifiable), whose attributes EHR_STATUS does not have and whose required ones (name, archetype_node_id, subject, is_queryable, is_modifiable) it lacks"),
        ["invalid/000_ehr_status_type_missing.json"] = (HttpStatusCode.Created,
            "valid: ITS-JSON lets _type be left out where the declared type is concrete, and the body of POST /ehr is declared EHR_STATUS (ITS-REST's EhrStatus schema does not require _type)"),
        ["invalid/001_ehr_status_subject_empty.json"] = (HttpStatusCode.Created,
            "valid: EHR_STATUS.subject is a PARTY_SELF, whose external_ref is optional (0..1); {} is an anonymous subject, the one the server itself gives an EHR created without a body"),
    };

    private readonly EhrServerFixture _fixture;

    public EhrFixtureTests(EhrServerFixture fixture) => _fixture = fixture;

    public static List<string> BodyNames() =>
        new[] { "valid", "invalid" }
            .SelectMany(folder => Fixtures.Files(Path.Combine("openehr", "ehrbase-integration-tests", "ehr", folder), "*.json")
                .Select(file => $"{folder}/{Path.GetFileName(file)}"))
            .ToList();

    public static TheoryData<string> Bodies()
    {
        var data = new TheoryData<string>();
        foreach (var name in BodyNames()) data.Add(name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task EhrStatusBodyIsAcceptedOrRejectedPerTheSpecification(string name)
    {
        var expected = Decisions.TryGetValue(name, out var decision) ? decision.Status
            : name.StartsWith("valid/", StringComparison.Ordinal) ? HttpStatusCode.Created : HttpStatusCode.BadRequest;
        var text = File.ReadAllText(Fixtures.Path("openehr", "ehrbase-integration-tests", "ehr", name.Split('/')[0], name.Split('/')[1]))
            .Replace(Placeholder, Guid.NewGuid().ToString("D"), StringComparison.Ordinal);
        var body = Encoding.UTF8.GetBytes(text);
        var tenant = await _fixture.NewTenantAsync("ehrfx");
        var before = await _fixture.CountRowsAsync(tenant);

        using var response = await _fixture.SendAsync(HttpMethod.Post, "/ehr", tenant, body, "application/json", ("Prefer", "return=representation"));
        var answer = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{name}: expected {(int)expected}, got {(int)response.StatusCode}: {answer}");

        if (expected == HttpStatusCode.Created)
        {
            // The EHR_STATUS reads back as sent, with the uid the server gave it.
            var ehrId = JsonDocument.Parse(answer).RootElement.GetProperty("ehr_id").GetProperty("value").GetString();
            using var status = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{ehrId}/ehr_status", tenant);
            Assert.Equal(HttpStatusCode.OK, status.StatusCode);
            var read = JsonDocument.Parse(await status.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(EhrServerFixture.VersionUidOf(status), read.GetProperty("uid").GetProperty("value").GetString());
            var differences = JsonTreeComparer.Differences(WithoutUid(text), WithoutUid(read.GetRawText()));
            Assert.True(differences.Count == 0, $"{name}:{Environment.NewLine}{string.Join(Environment.NewLine, differences)}");
        }
        else
        {
            var code = JsonDocument.Parse(answer).RootElement.GetProperty("code").GetString()!;
            Assert.Equal("invalid_ehr_status", code);
            var error = await ErrorBody.ReadAsync(response, 400, code);
            Assert.NotEqual(0, error.GetProperty("issues").GetArrayLength());
            // Each issue has its place: a JSON Pointer ("" is the root, for an attribute the root lacks).
            Assert.All(error.GetProperty("issues").EnumerateArray(), issue => Assert.NotNull(issue.GetProperty("path").GetString()));
            var after = await _fixture.CountRowsAsync(tenant);
            Assert.All(EhrServerFixture.DataTables, table => Assert.Equal(before[table], after[table]));
        }
    }

    [Fact]
    public void EveryDecisionNamesAFixture()
    {
        var names = BodyNames().ToHashSet();
        Assert.All(Decisions.Keys, key => Assert.Contains(key, names));
        Assert.Equal(20, names.Count);
    }

    private static JsonElement WithoutUid(string json)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        node.Remove("uid");
        return JsonDocument.Parse(node.ToJsonString()).RootElement;
    }
}
