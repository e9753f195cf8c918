using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using static Fkj.Cdr.Server.Tests.Ehr.ContributionTestSupport;

namespace Fkj.Cdr.Server.Tests.Ehr;

/// <summary>
/// POST /ehr/{ehr_id}/contribution beyond the fixtures: all or nothing (a refusal found late, even by the database,
/// leaves no row), several kinds of versions in one contribution, races, tenants, the refusals of each kind of
/// version with its path in the body, Prefer, and the XML form.
/// </summary>
[Collection(EhrServerCollection.Name)]
public sealed class ContributionCommitTests
{
    private readonly EhrServerFixture _fixture;

    public ContributionCommitTests(EhrServerFixture fixture) => _fixture = fixture;

    /// <summary>A valid minimal_evaluation composition (canonical JSON, no uid) with this quantity.</summary>
    private static JsonObject Evaluation(double magnitude = 42, string units = "kg")
    {
        var data = Versions(Load("valid", "minimal", "minimal_evaluation.contribution_without_compo_uid.json"))[0]!["data"]!.DeepClone().AsObject();
        var quantity = data["content"]![0]!["data"]!["items"]![0]!["value"]!;
        quantity["magnitude"] = magnitude;
        quantity["units"] = units;
        return data;
    }

    private static JsonObject Coded(string code, string rubric) => new()
    {
        ["value"] = rubric,
        ["defining_code"] = new JsonObject { ["terminology_id"] = new JsonObject { ["value"] = "openehr" }, ["code_string"] = code },
    };

    private static string Rubric(string code) => code switch
    {
        "249" => "creation",
        "250" => "amendment",
        "251" => "modification",
        "523" => "deleted",
        _ => "unknown",
    };

    private static JsonObject Audit(string changeType, string? description = null)
    {
        var audit = new JsonObject
        {
            ["_type"] = "AUDIT_DETAILS",
            ["system_id"] = "some.client",
            ["committer"] = new JsonObject { ["_type"] = "PARTY_IDENTIFIED", ["name"] = "Kari Nordmann" },
            ["change_type"] = Coded(changeType, Rubric(changeType)),
        };
        if (description is not null) audit["description"] = new JsonObject { ["value"] = description };
        return audit;
    }

    private static JsonObject Version(string changeType, JsonNode? data, string? preceding = null, string lifecycle = "532", string? description = null)
    {
        var version = new JsonObject
        {
            ["_type"] = "ORIGINAL_VERSION",
            ["commit_audit"] = Audit(changeType, description),
            ["lifecycle_state"] = Coded(lifecycle, lifecycle == "553" ? "incomplete" : lifecycle == "523" ? "deleted" : "complete"),
        };
        if (data is not null) version["data"] = data;
        if (preceding is not null) SetPreceding(version, preceding);
        return version;
    }

    private static JsonObject Contribution(params JsonObject[] versions) => new()
    {
        ["_type"] = "CONTRIBUTION",
        ["versions"] = new JsonArray(versions),
        ["audit"] = Audit("249", "one change"),
    };

    private async Task<(string Tenant, string Ehr)> NewEhrAsync()
    {
        var tenant = await TenantAsync(_fixture);
        return (tenant, await _fixture.CreateEhrAsync(tenant));
    }

    private async Task<JsonObject> CommittedAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    private static string UidOf(JsonObject contribution, int version) => Versions(contribution)[version]!["id"]!["value"]!.GetValue<string>();

    /// <summary>Sends a contribution that must be refused, and checks that it wrote nothing; returns the error.</summary>
    private async Task<JsonElement> RefusedAsync(string tenant, string ehr, JsonObject contribution, int status, string code)
    {
        var before = await CountAsync(_fixture, tenant, ehr);
        using var response = await PostAsync(_fixture, tenant, ehr, contribution);
        var error = await ErrorBody.ReadAsync(response, status, code);
        AssertNothingWritten(before, await CountAsync(_fixture, tenant, ehr), code);
        if (status == 412)
        {
            Assert.NotNull(response.Headers.ETag);
        }
        return error;
    }

    [Fact]
    public async Task ASecondInvalidCompositionMakesTheWholeContributionFail()
    {
        var (tenant, ehr) = await NewEhrAsync();
        var error = await RefusedAsync(tenant, ehr, Contribution(Version("249", Evaluation()), Version("249", Evaluation(units: "lb"))), 422, "invalid_composition");
        var issues = error.GetProperty("issues").EnumerateArray().ToList();
        Assert.NotEmpty(issues);
        Assert.All(issues, i => Assert.StartsWith("/versions/1/data/content[openEHR-EHR-EVALUATION.minimal.v1]", i.GetProperty("path").GetString()));
        Assert.Contains("lb", issues[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task ARefusalByTheDatabaseAfterTheFirstVersionIsWrittenLeavesNothing()
    {
        var (tenant, ehr) = await NewEhrAsync();
        var existing = (await CommitCompositionAsync(_fixture, tenant, ehr, Evaluation())).Split("::")[0];
        // The second creation asks for the id of an object the EHR has: only the primary key finds out, after the
        // first version's rows are in the batch.
        var second = Evaluation();
        second["uid"] = new JsonObject { ["_type"] = "OBJECT_VERSION_ID", ["value"] = $"{existing}::client.example::1" };
        var error = await RefusedAsync(tenant, ehr, Contribution(Version("249", Evaluation(7)), Version("249", second)), 409, "object_exists");
        Assert.Equal("/versions/1/data/uid", error.GetProperty("path").GetString());

        // And a stale preceding version found while planning, after a valid first version.
        var error2 = await RefusedAsync(tenant, ehr, Contribution(Version("249", Evaluation(7)), Version("251", Evaluation(8), $"{existing}::{EhrServerFixture.SystemId}::7")),
            412, "version_conflict");
        Assert.Equal("/versions/1/preceding_version_uid", error2.GetProperty("path").GetString());
    }

    [Fact]
    public async Task CompositionEhrStatusAndFolderCommitTogether()
    {
        var (tenant, ehr) = await NewEhrAsync();
        var status = await StatusUidAsync(_fixture, tenant, ehr);
        var compositionId = Guid.NewGuid();
        var composition = Evaluation(12.5);
        composition["uid"] = new JsonObject { ["_type"] = "OBJECT_VERSION_ID", ["value"] = $"{compositionId:D}::client.example::1" };
        var subjectId = $"s-{Guid.NewGuid():N}";
        var ehrStatus = new JsonObject
        {
            ["_type"] = "EHR_STATUS",
            ["archetype_node_id"] = "openEHR-EHR-EHR_STATUS.generic.v1",
            ["name"] = new JsonObject { ["value"] = "EHR Status" },
            ["subject"] = new JsonObject
            {
                ["_type"] = "PARTY_SELF",
                ["external_ref"] = new JsonObject
                {
                    ["id"] = new JsonObject { ["_type"] = "GENERIC_ID", ["value"] = subjectId, ["scheme"] = "test" },
                    ["namespace"] = "no.fkj.test",
                    ["type"] = "PERSON",
                },
            },
            ["is_queryable"] = false,
            ["is_modifiable"] = true,
        };
        var folder = EmptyFolder();
        folder["folders"] = new JsonArray(EmptyFolder("episodes"));
        folder["folders"]![0]!["items"] = new JsonArray(new JsonObject
        {
            ["id"] = new JsonObject { ["_type"] = "HIER_OBJECT_ID", ["value"] = compositionId.ToString("D") },
            ["namespace"] = "local",
            ["type"] = "VERSIONED_COMPOSITION",
        });
        var before = await CountAsync(_fixture, tenant, ehr);

        using var response = await PostAsync(_fixture, tenant, ehr, Contribution(
            Version("249", composition, description: "the note"), Version("251", ehrStatus, status), Version("249", folder, lifecycle: "553")));
        var committed = await CommittedAsync(response);
        var contributionId = committed["uid"]!["value"]!.GetValue<string>();
        Assert.Equal($"{compositionId:D}::{EhrServerFixture.SystemId}::1", UidOf(committed, 0));
        Assert.Equal($"{status.Split("::")[0]}::{EhrServerFixture.SystemId}::2", UidOf(committed, 1));
        Assert.Equal(["VERSIONED_COMPOSITION", "VERSIONED_EHR_STATUS", "VERSIONED_FOLDER"], Versions(committed).Select(v => v!["type"]!.GetValue<string>()));
        Assert.Empty(ItsRestOpenApi.Validate(ItsRestOpenApi.Ehr, "Contribution", committed.ToJsonString()));

        // One contribution row, three versions pointing at it, one audit record of the request.
        var after = await CountAsync(_fixture, tenant, ehr);
        Assert.Equal(before["contribution"] + 1, after["contribution"]);
        Assert.Equal(before["object_version"] + 3, after["object_version"]);
        Assert.Equal(before["versioned_object"] + 2, after["versioned_object"]);
        Assert.Equal(before["audit_event"] + 1, after["audit_event"]);
        var pointing = await _fixture.QueryAsync("SELECT DISTINCT contribution_id::text FROM object_version v WHERE tenant_id = @t AND ehr_id = @e AND time_committed = (SELECT max(time_committed) FROM object_version WHERE tenant_id = @t AND ehr_id = @e)",
            ("t", tenant), ("e", Guid.Parse(ehr)));
        Assert.Equal([contributionId], pointing);
        var audit = await _fixture.QueryAsync("SELECT action || ' ' || status || ' ' || outcome FROM audit_event WHERE tenant_id = @t AND ehr_id = @e ORDER BY event_id DESC LIMIT 1",
            ("t", tenant), ("e", Guid.Parse(ehr)));
        Assert.Equal(["contribution.create 201 success"], audit);

        // The composition's leaf rows are those the composition endpoint writes for the same composition.
        var elsewhere = await _fixture.CreateEhrAsync(tenant);
        var alone = await CommitCompositionAsync(_fixture, tenant, elsewhere, Evaluation(12.5));
        Assert.Equal(await LeafRowsAsync(_fixture, tenant, elsewhere, alone), await LeafRowsAsync(_fixture, tenant, ehr, UidOf(committed, 0)));
        Assert.True(await LeafRowsAsync(_fixture, tenant, ehr, UidOf(committed, 0)) > 0);

        // The EHR_STATUS took effect: flags and subject.
        using (var found = await _fixture.SendAsync(HttpMethod.Get, $"/ehr?subject_id={subjectId}&subject_namespace=no.fkj.test", tenant))
        {
            Assert.Equal(HttpStatusCode.OK, found.StatusCode);
            Assert.Equal(ehr, JsonNode.Parse(await found.Content.ReadAsStringAsync())!["ehr_id"]!["value"]!.GetValue<string>());
        }
        Assert.Equal("false", (await _fixture.QueryAsync("SELECT is_queryable FROM ehr WHERE tenant_id = @t AND ehr_id = @e", ("t", tenant), ("e", Guid.Parse(ehr)))).Single()!.ToLowerInvariant());

        // The folder refers to the composition by the id the client gave it, and keeps its lifecycle state.
        using (var episodes = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{ehr}/directory?path=episodes", tenant))
        {
            Assert.Equal(HttpStatusCode.OK, episodes.StatusCode);
            Assert.Equal(compositionId.ToString("D"), JsonNode.Parse(await episodes.Content.ReadAsStringAsync())!["items"]![0]!["id"]!["value"]!.GetValue<string>());
        }
        using (var version = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{ehr}/versioned_composition/{compositionId:D}/version/{UidOf(committed, 0)}", tenant))
        {
            var original = JsonNode.Parse(await version.Content.ReadAsStringAsync())!;
            Assert.Equal(contributionId, original["contribution"]!["id"]!["value"]!.GetValue<string>());
            Assert.Equal("the note", original["commit_audit"]!["description"]!["value"]!.GetValue<string>());
            Assert.Equal("Kari Nordmann", original["commit_audit"]!["committer"]!["name"]!.GetValue<string>());
        }

        // GET of the contribution lists the three versions.
        using var read = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{ehr}/contribution/{contributionId}", tenant);
        var listed = JsonNode.Parse(await read.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal(Versions(committed).Select(v => v!["id"]!["value"]!.GetValue<string>()).Order(), Versions(listed).Select(v => v!["id"]!["value"]!.GetValue<string>()).Order());
        Assert.Equal("one change", listed["audit"]!["description"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task OfTwoContributionsFromTheSamePrecedingVersionOneWins()
    {
        var (tenant, ehr) = await NewEhrAsync();
        for (var round = 0; round < 4; round++)
        {
            var v1 = await CommitCompositionAsync(_fixture, tenant, ehr, Evaluation(round));
            var objectId = v1.Split("::")[0];
            var sends = Enumerable.Range(0, 2).Select(i => PostAsync(_fixture, tenant, ehr, Contribution(Version("251", Evaluation(100 + i), v1)))).ToList();
            var responses = await Task.WhenAll(sends);
            try
            {
                var statuses = responses.Select(r => (int)r.StatusCode).Order().ToList();
                Assert.Equal([201, 412], statuses);
                var winner = await CommittedAsync(responses.Single(r => r.StatusCode == HttpStatusCode.Created));
                var loser = responses.Single(r => r.StatusCode == HttpStatusCode.PreconditionFailed);
                var error = await ErrorBody.ReadAsync(loser, 412, "version_conflict");
                Assert.Equal("/versions/0/preceding_version_uid", error.GetProperty("path").GetString());
                Assert.Equal($"\"{UidOf(winner, 0)}\"", loser.Headers.ETag!.Tag);
                Assert.Equal(["1", "2"], await _fixture.QueryAsync("SELECT version FROM object_version WHERE tenant_id = @t AND ehr_id = @e AND object_id = @o ORDER BY version",
                    ("t", tenant), ("e", Guid.Parse(ehr)), ("o", Guid.Parse(objectId))));
            }
            finally
            {
                foreach (var response in responses) response.Dispose();
            }
        }
    }

    [Fact]
    public async Task AContributionToAnotherTenantsEhrIsNotFound()
    {
        var (tenant, ehr) = await NewEhrAsync();
        var other = await _fixture.NewTenantWithTemplateAsync(Fixtures.Path("openehr", "ehrbase-integration-tests", "valid_templates", "minimal", "minimal_evaluation.opt"), "ctbx");
        var before = await CountAsync(_fixture, tenant, ehr);
        using var response = await PostAsync(_fixture, other, ehr, Contribution(Version("249", Evaluation())));
        await ErrorBody.ReadAsync(response, 404, "ehr_not_found");
        var after = await CountAsync(_fixture, tenant, ehr);
        Assert.All(VersionTables, table => Assert.Equal(before[table], after[table]));
        Assert.Equal(["0"], await _fixture.QueryAsync("SELECT count(*) FROM contribution WHERE tenant_id = @t", ("t", other)));
    }

    [Fact]
    public async Task EachKindOfVersionIsRefusedAsItsEndpointRefusesIt()
    {
        var (tenant, ehr) = await NewEhrAsync();
        var v1 = await CommitCompositionAsync(_fixture, tenant, ehr, Evaluation());
        var objectId = v1.Split("::")[0];
        var status = await StatusUidAsync(_fixture, tenant, ehr);

        // Compositions: unknown object 404, stale update 412 (also under another system id), template change 422.
        var unknown = $"{Guid.NewGuid():D}::{EhrServerFixture.SystemId}::1";
        Assert.Equal("/versions/0/preceding_version_uid",
            (await RefusedAsync(tenant, ehr, Contribution(Version("251", Evaluation(), unknown)), 404, "composition_not_found")).GetProperty("path").GetString());
        await RefusedAsync(tenant, ehr, Contribution(Version("251", Evaluation(), $"{objectId}::{EhrServerFixture.SystemId}::2")), 412, "version_conflict");
        await RefusedAsync(tenant, ehr, Contribution(Version("251", Evaluation(), $"{objectId}::not.this.system::1")), 412, "version_conflict");
        var admin = Versions(Load("valid", "minimal", "minimal_admin.contribution.json"))[0]!["data"]!.DeepClone();
        Assert.Equal("/versions/0/data/archetype_details/template_id",
            (await RefusedAsync(tenant, ehr, Contribution(Version("251", admin, v1)), 422, "template_mismatch")).GetProperty("path").GetString());

        // A creation that names a preceding version, a modification that names none: 400, both listed.
        var both = await RefusedAsync(tenant, ehr, Contribution(Version("249", Evaluation(), v1), Version("251", Evaluation())), 400, "invalid_contribution");
        Assert.Equal(["preceding_version_not_allowed /versions/0/preceding_version_uid", "preceding_version_required /versions/1/preceding_version_uid"],
            both.GetProperty("issues").EnumerateArray().Select(i => $"{i.GetProperty("code").GetString()} {i.GetProperty("path").GetString()}"));

        // The same object twice in one contribution.
        var twice = await RefusedAsync(tenant, ehr, Contribution(Version("251", Evaluation(), v1), Version("523", null, v1)), 400, "invalid_contribution");
        Assert.Equal("duplicate_object", twice.GetProperty("issues")[0].GetProperty("code").GetString());

        // EHR_STATUS: there is one already (409), it cannot be deleted (400), a stale one is 412.
        var statusBody = new JsonObject
        {
            ["_type"] = "EHR_STATUS", ["archetype_node_id"] = "openEHR-EHR-EHR_STATUS.generic.v1", ["name"] = new JsonObject { ["value"] = "EHR Status" },
            ["subject"] = new JsonObject { ["_type"] = "PARTY_SELF" }, ["is_queryable"] = true, ["is_modifiable"] = true,
        };
        await RefusedAsync(tenant, ehr, Contribution(Version("249", statusBody.DeepClone())), 409, "ehr_status_exists");
        await RefusedAsync(tenant, ehr, Contribution(Version("523", statusBody.DeepClone(), status)), 400, "invalid_contribution");
        await RefusedAsync(tenant, ehr, Contribution(Version("251", statusBody.DeepClone(), $"{status.Split("::")[0]}::{EhrServerFixture.SystemId}::9")), 412, "version_conflict");

        // Data that is no versioned type, and an unsupported change type.
        var element = new JsonObject { ["_type"] = "ELEMENT", ["archetype_node_id"] = "at0001", ["name"] = new JsonObject { ["value"] = "x" } };
        Assert.Equal("unsupported_type", (await RefusedAsync(tenant, ehr, Contribution(Version("249", element)), 400, "invalid_contribution")).GetProperty("issues")[0].GetProperty("code").GetString());
        Assert.Equal("invalid_change_type", (await RefusedAsync(tenant, ehr, Contribution(Version("666", Evaluation())), 400, "invalid_contribution")).GetProperty("issues")[0].GetProperty("code").GetString());

        // Deletions: not the latest 409, then deleted: a second deletion 400, an update 404.
        using (var update = await PostAsync(_fixture, tenant, ehr, Contribution(Version("251", Evaluation(50), v1))))
        {
            await CommittedAsync(update);
        }
        await RefusedAsync(tenant, ehr, Contribution(Version("523", null, v1)), 409, "version_conflict");
        var v2 = $"{objectId}::{EhrServerFixture.SystemId}::2";
        using (var delete = await PostAsync(_fixture, tenant, ehr, Contribution(Version("523", null, v2, lifecycle: "523"))))
        {
            await CommittedAsync(delete);
        }
        var v3 = $"{objectId}::{EhrServerFixture.SystemId}::3";
        await RefusedAsync(tenant, ehr, Contribution(Version("523", null, v3)), 400, "already_deleted");
        await RefusedAsync(tenant, ehr, Contribution(Version("251", Evaluation(), v3)), 404, "composition_deleted");
    }

    [Fact]
    public async Task BodyProblemsAreListedWithTheirPlace()
    {
        var (tenant, ehr) = await NewEhrAsync();
        using (var empty = await _fixture.SendAsync(HttpMethod.Post, $"/ehr/{ehr}/contribution", tenant, [], "application/json"))
        {
            await ErrorBody.ReadAsync(empty, 400, "body_required");
        }
        using (var text = await _fixture.SendAsync(HttpMethod.Post, $"/ehr/{ehr}/contribution", tenant, Bytes(Contribution(Version("249", Evaluation()))), "text/plain"))
        {
            await ErrorBody.ReadAsync(text, 415, "unsupported_media_type");
        }
        using (var broken = await _fixture.SendAsync(HttpMethod.Post, $"/ehr/{ehr}/contribution", tenant, Encoding.UTF8.GetBytes("{\n  \"versions\": [\n    {,\n"), "application/json"))
        {
            var error = await ErrorBody.ReadAsync(broken, 400, "invalid_contribution");
            Assert.Equal(3, error.GetProperty("issues")[0].GetProperty("line").GetInt32());
        }
        // A codec problem deep in a version's data: its path in the body, and the line it is on.
        var data = Evaluation();
        data["content"]![0]!["colour"] = "blue";
        var contribution = Contribution(Version("249", Evaluation()), Version("249", data));
        contribution.Remove("audit");
        var bytes = Encoding.UTF8.GetBytes(contribution.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        using var response = await _fixture.SendAsync(HttpMethod.Post, $"/ehr/{ehr}/contribution", tenant, bytes, "application/json");
        var issues = (await ErrorBody.ReadAsync(response, 400, "invalid_contribution")).GetProperty("issues").EnumerateArray().ToList();
        var colour = issues.Single(i => i.GetProperty("path").GetString() == "/versions/1/data/content/0/colour");
        var line = Encoding.UTF8.GetString(bytes).Split('\n')[colour.GetProperty("line").GetInt32() - 1];
        Assert.Contains("\"colour\"", line);
        Assert.Contains(issues, i => i.GetProperty("path").GetString() == "/audit" && i.GetProperty("code").GetString() == "missing_attribute");
    }

    [Fact]
    public async Task AClientsContributionUidIsKeptAndCannotBeUsedTwice()
    {
        var (tenant, ehr) = await NewEhrAsync();
        var uid = Guid.NewGuid().ToString("D");
        var contribution = Contribution(Version("249", Evaluation()));
        contribution["uid"] = new JsonObject { ["_type"] = "HIER_OBJECT_ID", ["value"] = uid };
        using (var response = await PostAsync(_fixture, tenant, ehr, contribution, "minimal"))
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            Assert.Empty(await response.Content.ReadAsByteArrayAsync());
            Assert.Equal($"\"{uid}\"", response.Headers.ETag!.Tag);
            Assert.EndsWith($"/ehr/{ehr}/contribution/{uid}", response.Headers.Location!.ToString());
        }
        var again = Contribution(Version("249", Evaluation()));
        again["uid"] = new JsonObject { ["value"] = uid };
        await RefusedAsync(tenant, ehr, again, 409, "contribution_exists");
        using var identifier = await PostAsync(_fixture, tenant, ehr, Contribution(Version("249", Evaluation())), "identifier");
        Assert.Equal(HttpStatusCode.Created, identifier.StatusCode);
        var body = JsonNode.Parse(await identifier.Content.ReadAsStringAsync())!;
        Assert.Equal(EhrServerFixture.VersionUidOf(identifier), body["uid"]!.GetValue<string>());
    }

    [Fact]
    public async Task OnlyTheEhrStatusMayChangeInAnEhrThatIsNotModifiable()
    {
        var (tenant, ehr) = await NewEhrAsync();
        var status = await StatusUidAsync(_fixture, tenant, ehr);
        JsonObject Status(bool modifiable) => new()
        {
            ["_type"] = "EHR_STATUS", ["archetype_node_id"] = "openEHR-EHR-EHR_STATUS.generic.v1", ["name"] = new JsonObject { ["value"] = "EHR Status" },
            ["subject"] = new JsonObject { ["_type"] = "PARTY_SELF" }, ["is_queryable"] = true, ["is_modifiable"] = modifiable,
        };
        using (var locked = await PostAsync(_fixture, tenant, ehr, Contribution(Version("251", Status(false), status))))
        {
            await CommittedAsync(locked);
        }
        await RefusedAsync(tenant, ehr, Contribution(Version("249", Evaluation())), 409, "ehr_not_modifiable");
        await RefusedAsync(tenant, ehr, Contribution(Version("249", EmptyFolder())), 409, "ehr_not_modifiable");
        using var unlocked = await PostAsync(_fixture, tenant, ehr, Contribution(Version("251", Status(true), await StatusUidAsync(_fixture, tenant, ehr))));
        await CommittedAsync(unlocked);
        using var commit = await PostAsync(_fixture, tenant, ehr, Contribution(Version("249", Evaluation())));
        await CommittedAsync(commit);
    }

    [Fact]
    public async Task AContributionInCanonicalXmlIsCommittedAndAnsweredInXml()
    {
        var (tenant, ehr) = await NewEhrAsync();
        var composition = Evaluation(3);
        var ns = "http://schemas.openehr.org/v1";
        var compositionXml = ToXml(composition, "data");
        var folderXml = ToXml(EmptyFolder(), "data");
        var xml = $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <contribution xmlns="{ns}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
              <versions xsi:type="ORIGINAL_VERSION">
                <commit_audit>
                  <system_id>client</system_id>
                  <committer xsi:type="PARTY_IDENTIFIED"><name>Kari Nordmann</name></committer>
                  <change_type><value>creation</value><defining_code><terminology_id><value>openehr</value></terminology_id><code_string>249</code_string></defining_code></change_type>
                </commit_audit>
                {compositionXml}
                <lifecycle_state><value>complete</value><defining_code><terminology_id><value>openehr</value></terminology_id><code_string>532</code_string></defining_code></lifecycle_state>
              </versions>
              <versions xsi:type="ORIGINAL_VERSION">
                <commit_audit>
                  <committer xsi:type="PARTY_IDENTIFIED"><name>Kari Nordmann</name></committer>
                  <change_type><value>creation</value><defining_code><terminology_id><value>openehr</value></terminology_id><code_string>249</code_string></defining_code></change_type>
                </commit_audit>
                {folderXml}
                <lifecycle_state><value>complete</value><defining_code><terminology_id><value>openehr</value></terminology_id><code_string>532</code_string></defining_code></lifecycle_state>
              </versions>
              <audit>
                <committer xsi:type="PARTY_IDENTIFIED"><name>Kari Nordmann</name></committer>
                <change_type><value>creation</value><defining_code><terminology_id><value>openehr</value></terminology_id><code_string>249</code_string></defining_code></change_type>
              </audit>
            </contribution>
            """;
        using var response = await _fixture.SendAsync(HttpMethod.Post, $"/ehr/{ehr}/contribution", tenant, Encoding.UTF8.GetBytes(xml), "application/xml",
            ("Prefer", "return=representation"), ("Accept", "application/xml"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {text}");
        Assert.Equal("application/xml", response.Content.Headers.ContentType!.MediaType);
        var answer = System.Xml.Linq.XDocument.Parse(text).Root!;
        var ids = answer.Elements().Where(e => e.Name.LocalName == "versions")
            .Select(v => v.Elements().Single(e => e.Name.LocalName == "id").Elements().Single(e => e.Name.LocalName == "value").Value).ToList();
        Assert.Equal(2, ids.Count);

        using var read = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{ehr}/composition/{ids[0]}", tenant);
        var differences = Differences(composition, await read.Content.ReadAsStringAsync());
        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
        using var directory = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{ehr}/directory", tenant);
        Assert.Equal($"\"{ids[1]}\"", directory.Headers.ETag!.Tag);

        // A problem in an XML version is at its element path.
        var bad = xml.Replace("<code_string>532</code_string>", "<code_string>999</code_string>");
        using var refused = await _fixture.SendAsync(HttpMethod.Post, $"/ehr/{ehr}/contribution", tenant, Encoding.UTF8.GetBytes(bad), "application/xml");
        var error = await ErrorBody.ReadAsync(refused, 400, "invalid_contribution");
        Assert.Equal("/contribution/versions[1]/lifecycle_state/defining_code/code_string", error.GetProperty("issues")[0].GetProperty("path").GetString());
    }

    /// <summary>An RM object of canonical JSON as a canonical XML element named <paramref name="name"/>, with its xsi:type.</summary>
    private static string ToXml(JsonNode json, string name)
    {
        var rm = Fkj.Cdr.Rm.Codecs.Json.CanonicalJson.Decode(Bytes(json));
        var element = System.Xml.Linq.XDocument.Parse(Encoding.UTF8.GetString(Fkj.Cdr.Rm.Codecs.Xml.CanonicalXml.Encode(rm))).Root!;
        element.Name = element.Name.Namespace + name;
        element.SetAttributeValue(System.Xml.Linq.XNamespace.Get("http://www.w3.org/2001/XMLSchema-instance") + "type", rm.RmType.Name);
        return element.ToString(System.Xml.Linq.SaveOptions.DisableFormatting);
    }
}
