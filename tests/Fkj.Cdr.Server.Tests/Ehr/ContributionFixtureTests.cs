using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit.Abstractions;
using static Fkj.Cdr.Server.Tests.Ehr.ContributionTestSupport;

namespace Fkj.Cdr.Server.Tests.Ehr;

/// <summary>
/// Every CONTRIBUTION of the EHRbase integration fixtures (contributions/valid and contributions/invalid) through
/// <c>POST /ehr/{ehr_id}/contribution</c>. As the EHRbase robot tests do, each test first makes what a fixture's
/// versions follow (commits the composition, creates the directory, reads the EHR_STATUS) and puts its real version
/// uid where the fixture has a placeholder. A valid fixture is committed (201) and each of its versions read back:
/// compositions, EHR_STATUS and folders equal to what was sent, deletions as deleted, change type and lifecycle state
/// as sent, leaf rows written. An invalid one is refused with its status and code, and writes nothing.
/// Two fixtures of valid/ are refused, for the reasons in <see cref="Refused"/>.
/// </summary>
[Collection(EhrServerCollection.Name)]
public sealed class ContributionFixtureTests
{
    /// <summary>Fixtures of valid/ that this server refuses, and why (also in the report of the change that added them).</summary>
    public static readonly Dictionary<string, string> Refused = new(StringComparer.Ordinal)
    {
        // Its versions' data are CONTRIBUTIONs, not versionable LOCATABLEs (ORIGINAL_VERSION.data is a COMPOSITION,
        // EHR_STATUS, FOLDER...): the EHRbase robot test that uses it expects a refusal too ("is negative").
        ["minimal/minimal_admin.contribution.creation_modification.json"] = "data of type CONTRIBUTION",

        // Its COMPOSITION has an attribute 'items', which COMPOSITION does not have (a FOLDER's items pasted into
        // it): refused as POST /composition refuses it, where EHRbase's reader ignores unknown attributes.
        ["minimal/contribution.create_composition.modification_folder_with_items.json"] = "COMPOSITION with an attribute 'items'",
    };

    /// <summary>
    /// Compositions that are valid for their templates, by template id, to commit as the object a deletion follows
    /// (two fixtures' deletions carry data that does not fit the template it names; a deletion's data is not kept).
    /// </summary>
    private static readonly Dictionary<string, string[]> ValidCompositions = new(StringComparer.Ordinal)
    {
        ["minimal_admin.en.v1"] = ["valid", "minimal", "minimal_admin.contribution.json"],
        ["minimal_evaluation.en.v1"] = ["valid", "minimal", "minimal_evaluation.contribution_without_compo_uid.json"],
    };

    private readonly EhrServerFixture _fixture;
    private readonly ITestOutputHelper _output;

    public ContributionFixtureTests(EhrServerFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    public static TheoryData<string> ValidFiles() => FilesIn("valid");

    public static TheoryData<string> InvalidFiles() => FilesIn("invalid");

    private static TheoryData<string> FilesIn(string folder)
    {
        var root = Fixtures.Path([.. Folder, folder]);
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(root, file).Replace('\\', '/'));
        }
        return data;
    }

    [Fact]
    public void EveryFixtureIsHere()
    {
        // 48 files at the time of writing: a folder going missing must not pass unnoticed.
        Assert.Equal(43, ValidFiles().Count);
        Assert.Equal(5, InvalidFiles().Count);
    }

    [Theory]
    [MemberData(nameof(ValidFiles))]
    public async Task ValidFixtureIsCommittedAndEveryVersionReadBack(string file)
    {
        var tenant = await TenantAsync(_fixture);
        var ehr = await _fixture.CreateEhrAsync(tenant);
        var contribution = Load(["valid", .. file.Split('/')]);
        if (Refused.ContainsKey(file))
        {
            await RefusedValidFixtureAsync(file, tenant, ehr, contribution);
            return;
        }
        var created = await PrepareAsync(tenant, ehr, contribution, file);

        using var response = await PostAsync(_fixture, tenant, ehr, contribution);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{file}: {(int)response.StatusCode} {text}");
        var answer = JsonNode.Parse(text)!.AsObject();
        var uid = answer["uid"]!["value"]!.GetValue<string>();
        Assert.Equal($"\"{uid}\"", response.Headers.ETag!.Tag);
        Assert.EndsWith($"/ehr/{ehr}/contribution/{uid}", response.Headers.Location!.ToString());
        Assert.Equal(ChangeTypeOf(contribution["audit"]!), ChangeTypeOf(answer["audit"]!));
        Assert.Equal(EhrServerFixture.SystemId, answer["audit"]!["system_id"]!.GetValue<string>());

        var sent = Versions(contribution);
        var made = Versions(answer);
        Assert.Equal(sent.Count, made.Count);
        for (var i = 0; i < sent.Count; i++)
        {
            var versionUid = made[i]!["id"]!["value"]!.GetValue<string>();
            if (created.TryGetValue(i, out var objectId))
            {
                Assert.Equal($"{objectId:D}::{EhrServerFixture.SystemId}::1", versionUid);
            }
            await ReadBackAsync(file, tenant, ehr, sent[i]!, made[i]!["type"]!.GetValue<string>(), versionUid);
        }

        // GET of the contribution lists the same versions.
        using var read = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{ehr}/contribution/{uid}", tenant);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var listed = Versions(JsonNode.Parse(await read.Content.ReadAsStringAsync())!.AsObject()).Select(v => v!["id"]!["value"]!.GetValue<string>()).Order();
        Assert.Equal(made.Select(v => v!["id"]!["value"]!.GetValue<string>()).Order(), listed);
    }

    [Theory]
    [MemberData(nameof(InvalidFiles))]
    public async Task InvalidFixtureIsRefusedAndWritesNothing(string file)
    {
        var tenant = await TenantAsync(_fixture);
        var ehr = await _fixture.CreateEhrAsync(tenant);
        var contribution = Load(["invalid", .. file.Split('/')]);
        // The two "modification" fixtures are creations (249) that name a preceding version: give them a real one.
        foreach (var version in Versions(contribution))
        {
            if (version!["preceding_version_uid"]?["value"]?.GetValue<string>() is { Length: > 0 })
            {
                SetPreceding(version, await CommitCompositionAsync(_fixture, tenant, ehr, version["data"]!));
            }
        }

        var before = await CountAsync(_fixture, tenant, ehr);
        using var response = await PostAsync(_fixture, tenant, ehr, contribution);
        switch (file)
        {
            case "minimal/minimal_admin.contribution.modification.json":
            case "minimal_persistent/minimal_persistent.contribution.modification.json":
            {
                var error = await ErrorBody.ReadAsync(response, 400, "invalid_contribution");
                var issue = error.GetProperty("issues").EnumerateArray().Single();
                Assert.Equal("preceding_version_not_allowed", issue.GetProperty("code").GetString());
                Assert.Equal("/versions/0/preceding_version_uid", issue.GetProperty("path").GetString());
                break;
            }
            case "no_versions.json":
            {
                var error = await ErrorBody.ReadAsync(response, 400, "invalid_contribution");
                var issue = error.GetProperty("issues").EnumerateArray().Single();
                Assert.Equal("no_versions", issue.GetProperty("code").GetString());
                Assert.Equal("/versions", issue.GetProperty("path").GetString());
                break;
            }
            case "ref_to_non_existent_OPT.json":
            case "multiple_valid_and_invalid_compos.json":
                // The second composition of both is not even RM-valid (an attribute 'invalid_text', no narrative), so
                // both are 400 before any template is looked at, as that composition alone is at POST /composition.
                await EveryRefusedCompositionIsListedAsync(tenant, contribution, response, 400);
                break;
            default:
                Assert.Fail($"{file}: no expectation for this fixture; add one.");
                break;
        }
        AssertNothingWritten(before, await CountAsync(_fixture, tenant, ehr), file);
    }

    [Fact]
    public async Task AContributionOfAnUnknownTemplateIs422AtTheVersionsTemplateId()
    {
        var tenant = await TenantAsync(_fixture);
        var ehr = await _fixture.CreateEhrAsync(tenant);
        var contribution = Load("invalid", "ref_to_non_existent_OPT.json");
        Versions(contribution).RemoveAt(1); // the RM-valid one only
        var before = await CountAsync(_fixture, tenant, ehr);
        using var response = await PostAsync(_fixture, tenant, ehr, contribution);
        var error = await ErrorBody.ReadAsync(response, 422, "unknown_template");
        var issue = error.GetProperty("issues").EnumerateArray().Single();
        Assert.Equal("/versions/0/data/archetype_details/template_id", issue.GetProperty("path").GetString());
        Assert.Contains("non_existent_template.v1", issue.GetProperty("message").GetString());
        AssertNothingWritten(before, await CountAsync(_fixture, tenant, ehr), "unknown template");
    }

    /// <summary>
    /// The refusal lists the problems of exactly the compositions that POST /composition refuses with the same
    /// status, each as many as that endpoint lists for it, at the composition's place in the contribution.
    /// </summary>
    private async Task EveryRefusedCompositionIsListedAsync(string tenant, JsonObject contribution, HttpResponseMessage response, int status)
    {
        var error = await ErrorBody.ReadAsync(response, status, status == 400 ? "invalid_contribution" : "invalid_composition");
        var listed = error.GetProperty("issues").EnumerateArray()
            .Select(i => i.GetProperty("path").GetString()!)
            .GroupBy(path => int.Parse(path.Split('/')[2], System.Globalization.CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => g.Count());
        Assert.All(error.GetProperty("issues").EnumerateArray(), i => Assert.Matches("^/versions/[0-9]+/data/", i.GetProperty("path").GetString()));

        var scratch = await _fixture.CreateEhrAsync(tenant);
        var expected = new Dictionary<int, int>();
        var versions = Versions(contribution);
        for (var i = 0; i < versions.Count; i++)
        {
            using var alone = await _fixture.SendAsync(HttpMethod.Post, $"/ehr/{scratch}/composition", tenant, Bytes(versions[i]!["data"]!), "application/json");
            if ((int)alone.StatusCode == status)
            {
                expected[i] = JsonDocument.Parse(await alone.Content.ReadAsStringAsync()).RootElement.GetProperty("issues").GetArrayLength();
            }
        }
        Assert.NotEmpty(expected);
        Assert.Equal(expected.OrderBy(e => e.Key), listed.OrderBy(e => e.Key));
        _output.WriteLine($"refused versions: {string.Join(", ", expected.Keys)} of {versions.Count}");
    }

    /// <summary>
    /// Puts real uids where the fixture has placeholders, making first what its versions follow; returns the
    /// object ids that creations ask for (by version index).
    /// </summary>
    private async Task<Dictionary<int, Guid>> PrepareAsync(string tenant, string ehr, JsonObject contribution, string file)
    {
        var created = new Dictionary<int, Guid>();
        Guid? composition = null;
        var versions = Versions(contribution);
        for (var i = 0; i < versions.Count; i++)
        {
            var version = versions[i]!;
            var data = version["data"]!.AsObject();
            var type = data["_type"]!.GetValue<string>();
            if (ChangeTypeOf(version["commit_audit"]!) == "249")
            {
                if (data["uid"]?["value"]?.GetValue<string>() == "replaceme")
                {
                    // The client names the new composition, so that a folder of the same contribution can refer to it; in
                    // the "invalid_system_id" fixture with a system id other than the server's, which the server replaces.
                    var id = Guid.NewGuid();
                    data["uid"]!["value"] = $"{id:D}::{(file.Contains("invalid_system_id", StringComparison.Ordinal) ? "not.this.system" : "client.example")}::1";
                    created[i] = id;
                    composition = id;
                }
                continue;
            }
            var deletion = ChangeTypeOf(version["commit_audit"]!) == "523";
            var templateId = data["archetype_details"]?["template_id"]?["value"]?.GetValue<string>() ?? "";
            var preceding = type switch
            {
                "COMPOSITION" when deletion && ValidCompositions.TryGetValue(templateId, out var valid) =>
                    await CommitCompositionAsync(_fixture, tenant, ehr, Versions(Load(valid))[0]!["data"]!),
                "COMPOSITION" => await CommitCompositionAsync(_fixture, tenant, ehr, data),
                "EHR_STATUS" => await StatusUidAsync(_fixture, tenant, ehr),
                "FOLDER" => await CreateDirectoryAsync(_fixture, tenant, ehr),
                _ => throw new InvalidOperationException($"{file}: version {i} has data of type {type}."),
            };
            if (type == "COMPOSITION") composition ??= Guid.Parse(preceding.Split("::")[0]);
            SetPreceding(version, preceding);
        }
        // Folder items that wait for a composition's id refer to the one the contribution creates (or follows).
        foreach (var version in versions)
        {
            foreach (var item in version!["data"]!["items"]?.AsArray() ?? [])
            {
                if (item!["id"]!["value"]!.GetValue<string>() == "compoitemtoreplace")
                {
                    item["id"]!["value"] = (composition ?? Guid.NewGuid()).ToString("D");
                }
            }
        }
        return created;
    }

    private async Task ReadBackAsync(string file, string tenant, string ehr, JsonNode sent, string type, string versionUid)
    {
        var data = sent["data"]!;
        var deleted = ChangeTypeOf(sent["commit_audit"]!) == "523";
        var objectId = versionUid.Split("::")[0];
        switch (type)
        {
            case "VERSIONED_COMPOSITION":
            {
                using (var latest = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{ehr}/composition/{objectId}", tenant))
                {
                    Assert.Equal(deleted ? HttpStatusCode.NoContent : HttpStatusCode.OK, latest.StatusCode);
                    Assert.Equal($"\"{versionUid}\"", latest.Headers.ETag!.Tag);
                    if (!deleted)
                    {
                        var differences = Differences(data, await latest.Content.ReadAsStringAsync());
                        Assert.True(differences.Count == 0, $"{file} {versionUid} read back differs:{Environment.NewLine}{string.Join(Environment.NewLine, differences.Take(20))}");
                    }
                }
                using var version = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{ehr}/versioned_composition/{objectId}/version/{versionUid}", tenant);
                Assert.Equal(HttpStatusCode.OK, version.StatusCode);
                var original = JsonNode.Parse(await version.Content.ReadAsStringAsync())!;
                Assert.Equal(ChangeTypeOf(sent["commit_audit"]!), ChangeTypeOf(original["commit_audit"]!));
                var lifecycle = original["lifecycle_state"]!["defining_code"]!["code_string"]!.GetValue<string>();
                Assert.Equal(deleted ? "523" : sent["lifecycle_state"]!["defining_code"]!["code_string"]!.GetValue<string>(), lifecycle);
                if (sent["commit_audit"]!["description"]?["value"]?.GetValue<string>() is { } description)
                {
                    Assert.Equal(description, original["commit_audit"]!["description"]!["value"]!.GetValue<string>());
                }
                if (!deleted)
                {
                    Assert.True(await LeafRowsAsync(_fixture, tenant, ehr, versionUid) > 0, $"{file} {versionUid}: no leaf rows");
                }
                break;
            }
            case "VERSIONED_EHR_STATUS":
            {
                Assert.Equal(versionUid, await StatusUidAsync(_fixture, tenant, ehr));
                using var status = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{ehr}/ehr_status/{versionUid}", tenant);
                Assert.Equal(HttpStatusCode.OK, status.StatusCode);
                var differences = Differences(data, await status.Content.ReadAsStringAsync());
                Assert.True(differences.Count == 0, $"{file} {versionUid} read back differs:{Environment.NewLine}{string.Join(Environment.NewLine, differences)}");
                break;
            }
            case "VERSIONED_FOLDER":
            {
                using (var latest = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{ehr}/directory", tenant))
                {
                    Assert.Equal(deleted ? HttpStatusCode.NoContent : HttpStatusCode.OK, latest.StatusCode);
                    Assert.Equal($"\"{versionUid}\"", latest.Headers.ETag!.Tag);
                }
                if (!deleted)
                {
                    using var folder = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{ehr}/directory/{versionUid}", tenant);
                    Assert.Equal(HttpStatusCode.OK, folder.StatusCode);
                    var differences = Differences(data, await folder.Content.ReadAsStringAsync());
                    Assert.True(differences.Count == 0, $"{file} {versionUid} read back differs:{Environment.NewLine}{string.Join(Environment.NewLine, differences)}");
                }
                break;
            }
            default:
                Assert.Fail($"{file}: a version of type {type}");
                break;
        }
    }

    private async Task RefusedValidFixtureAsync(string file, string tenant, string ehr, JsonObject contribution)
    {
        string[] expected;
        if (file == "minimal/minimal_admin.contribution.creation_modification.json")
        {
            // As the robot test does: the second version follows a composition committed before.
            var admin = Versions(Load("valid", "minimal", "minimal_admin.contribution.json"))[0]!["data"]!;
            SetPreceding(Versions(contribution)[1]!, await CommitCompositionAsync(_fixture, tenant, ehr, admin));
            expected = ["/versions/0/data/_type", "/versions/1/data/_type"];
        }
        else
        {
            SetPreceding(Versions(contribution)[0]!, await CreateDirectoryAsync(_fixture, tenant, ehr));
            expected = ["/versions/1/data/items"];
        }
        var before = await CountAsync(_fixture, tenant, ehr);
        using var response = await PostAsync(_fixture, tenant, ehr, contribution);
        var error = await ErrorBody.ReadAsync(response, 400, "invalid_contribution");
        var paths = error.GetProperty("issues").EnumerateArray().Select(i => i.GetProperty("path").GetString()!).ToList();
        _output.WriteLine($"{file}: refused, {Refused[file]}: {string.Join(", ", paths)}");
        Assert.Equal(expected, paths);
        AssertNothingWritten(before, await CountAsync(_fixture, tenant, ehr), file);
    }
}
