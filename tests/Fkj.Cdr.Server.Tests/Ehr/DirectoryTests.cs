using System.Net;
using System.Text.Json.Nodes;
using static Fkj.Cdr.Server.Tests.Ehr.ContributionTestSupport;
using static Fkj.Cdr.Server.Tests.Ehr.EhrTestData;

namespace Fkj.Cdr.Server.Tests.Ehr;

/// <summary>
/// The EHR's directory (ITS-REST DIRECTORY): one per EHR, created, updated after its latest version (If-Match),
/// deleted, and read by version, at a time, and by path, with the EHRbase directory fixtures as bodies.
/// </summary>
[Collection(EhrServerCollection.Name)]
public sealed class DirectoryTests
{
    private static readonly string[] DirectoryFixtures = ["openehr", "ehrbase-integration-tests", "directory"];

    private readonly EhrServerFixture _fixture;

    public DirectoryTests(EhrServerFixture fixture) => _fixture = fixture;

    private static JsonObject Fixture(params string[] name) => JsonNode.Parse(File.ReadAllBytes(Fixtures.Path([.. DirectoryFixtures, .. name])))!.AsObject();

    private Task<HttpResponseMessage> Send(HttpMethod method, string tenant, string ehr, JsonNode? folder = null, string query = "", params (string, string)[] headers) =>
        _fixture.SendAsync(method, $"/ehr/{ehr}/directory{query}", tenant, folder is null ? null : Bytes(folder), folder is null ? null : "application/json", headers);

    private async Task<string> TimeOfAsync(string tenant, string ehr, string versionUid)
    {
        var parts = versionUid.Split("::");
        return (await _fixture.QueryAsync(
            """SELECT to_char(time_committed AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') FROM object_version WHERE tenant_id = @t AND ehr_id = @e AND object_id = @o AND version = @n""",
            ("t", tenant), ("e", Guid.Parse(ehr)), ("o", Guid.Parse(parts[0])), ("n", int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture)))).Single()!;
    }

    [Fact]
    public async Task ADirectoryIsCreatedUpdatedReadAndDeleted()
    {
        var tenant = await TenantAsync(_fixture);
        var ehr = await _fixture.CreateEhrAsync(tenant);
        using (var none = await Send(HttpMethod.Get, tenant, ehr))
        {
            await ErrorBody.ReadAsync(none, 404, "directory_not_found");
        }

        // Create, with the folder back.
        var first = Fixture("update", "1_create_empty_directory.json");
        string v1;
        using (var created = await Send(HttpMethod.Post, tenant, ehr, first, headers: Prefer("representation")))
        {
            var text = await created.Content.ReadAsStringAsync();
            Assert.True(created.StatusCode == HttpStatusCode.Created, text);
            v1 = EhrServerFixture.VersionUidOf(created);
            Assert.EndsWith($"::{EhrServerFixture.SystemId}::1", v1);
            Assert.EndsWith($"/ehr/{ehr}/directory/{v1}", created.Headers.Location!.ToString());
            Assert.Equal(v1, JsonNode.Parse(text)!["uid"]!["value"]!.GetValue<string>());
            Assert.Empty(Differences(first, text));
        }
        var objectId = v1.Split("::")[0];

        // A second directory is a conflict, and writes nothing.
        var before = await CountAsync(_fixture, tenant, ehr);
        using (var second = await Send(HttpMethod.Post, tenant, ehr, Fixture("empty_directory.json")))
        {
            await ErrorBody.ReadAsync(second, 409, "directory_exists");
            Assert.Equal($"\"{v1}\"", second.Headers.ETag!.Tag);
        }
        AssertNothingWritten(before, await CountAsync(_fixture, tenant, ehr), "second directory");

        // Update after the latest version; without If-Match 400, with a stale one 412 and the latest in the ETag.
        var subfolders = Fixture("update", "2_add_subfolders.json");
        using (var noIfMatch = await Send(HttpMethod.Put, tenant, ehr, subfolders))
        {
            await ErrorBody.ReadAsync(noIfMatch, 400, "if_match_required");
        }
        string v2;
        using (var updated = await Send(HttpMethod.Put, tenant, ehr, subfolders, headers: IfMatch(v1)))
        {
            Assert.Equal(HttpStatusCode.NoContent, updated.StatusCode);
            v2 = EhrServerFixture.VersionUidOf(updated);
            Assert.Equal($"{objectId}::{EhrServerFixture.SystemId}::2", v2);
        }
        var items = Fixture("update", "3_add_items.json");
        before = await CountAsync(_fixture, tenant, ehr);
        using (var stale = await Send(HttpMethod.Put, tenant, ehr, items, headers: IfMatch(v1)))
        {
            await ErrorBody.ReadAsync(stale, 412, "version_conflict");
            Assert.Equal($"\"{v2}\"", stale.Headers.ETag!.Tag);
        }
        using (var otherObject = await Send(HttpMethod.Put, tenant, ehr, items, headers: IfMatch($"{Guid.NewGuid():D}::{EhrServerFixture.SystemId}::2")))
        {
            await ErrorBody.ReadAsync(otherObject, 412, "version_conflict");
        }
        AssertNothingWritten(before, await CountAsync(_fixture, tenant, ehr), "stale updates", refusals: 2);
        string v3;
        using (var updated = await Send(HttpMethod.Put, tenant, ehr, items, headers: [IfMatch(v2), Prefer("representation")]))
        {
            var text = await updated.Content.ReadAsStringAsync();
            Assert.True(updated.StatusCode == HttpStatusCode.OK, text);
            v3 = EhrServerFixture.VersionUidOf(updated);
            Assert.Empty(Differences(items, text));
        }

        // Reads: latest, by version, by path, at a time.
        using (var latest = await Send(HttpMethod.Get, tenant, ehr))
        {
            Assert.Equal($"\"{v3}\"", latest.Headers.ETag!.Tag);
            Assert.Empty(Differences(items, await latest.Content.ReadAsStringAsync()));
        }
        using (var old = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{ehr}/directory/{v2}", tenant))
        {
            Assert.Equal(HttpStatusCode.OK, old.StatusCode);
            Assert.Empty(Differences(subfolders, await old.Content.ReadAsStringAsync()));
        }
        using (var family = await Send(HttpMethod.Get, tenant, ehr, query: "?path=history/family"))
        {
            Assert.Equal(HttpStatusCode.OK, family.StatusCode);
            var folder = JsonNode.Parse(await family.Content.ReadAsStringAsync())!;
            Assert.Equal("family", folder["name"]!["value"]!.GetValue<string>());
            Assert.Equal("d936409e-901f-4994-8d33-ed104d46015b", folder["items"]![0]!["id"]!["value"]!.GetValue<string>());
        }
        using (var familyThen = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{ehr}/directory/{v2}?path=/history/family/", tenant))
        {
            Assert.Equal(HttpStatusCode.OK, familyThen.StatusCode);
            Assert.Null(JsonNode.Parse(await familyThen.Content.ReadAsStringAsync())!["items"]);
        }
        using (var missing = await Send(HttpMethod.Get, tenant, ehr, query: "?path=history/friends"))
        {
            await ErrorBody.ReadAsync(missing, 404, "folder_path_not_found");
        }
        using (var missingThen = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{ehr}/directory/{v1}?path=history", tenant))
        {
            await ErrorBody.ReadAsync(missingThen, 404, "folder_path_not_found");
        }
        var t2 = await TimeOfAsync(tenant, ehr, v2);
        using (var atTime = await Send(HttpMethod.Get, tenant, ehr, query: $"?version_at_time={t2}"))
        {
            Assert.Equal($"\"{v2}\"", atTime.Headers.ETag!.Tag);
        }
        var t1 = DateTimeOffset.Parse(await TimeOfAsync(tenant, ehr, v1), System.Globalization.CultureInfo.InvariantCulture);
        using (var beforeAll = await Send(HttpMethod.Get, tenant, ehr, query: $"?version_at_time={t1.AddMilliseconds(-1).UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}"))
        {
            await ErrorBody.ReadAsync(beforeAll, 404, "version_not_found");
        }

        // The EHR names its directory's latest version.
        Assert.Equal(v3, await EhrDirectoryAsync(tenant, ehr));

        // Delete: a deleted version, the history stays readable; no second deletion, no update; a new directory may follow.
        using (var staleDelete = await Send(HttpMethod.Delete, tenant, ehr, headers: IfMatch(v2)))
        {
            await ErrorBody.ReadAsync(staleDelete, 412, "version_conflict");
        }
        string v4;
        using (var deleted = await Send(HttpMethod.Delete, tenant, ehr, headers: IfMatch(v3)))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
            v4 = EhrServerFixture.VersionUidOf(deleted);
            Assert.Equal($"{objectId}::{EhrServerFixture.SystemId}::4", v4);
        }
        using (var gone = await Send(HttpMethod.Get, tenant, ehr))
        {
            Assert.Equal(HttpStatusCode.NoContent, gone.StatusCode);
            Assert.Equal($"\"{v4}\"", gone.Headers.ETag!.Tag);
        }
        Assert.Null(await EhrDirectoryAsync(tenant, ehr));
        using (var stillThere = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{ehr}/directory/{v3}", tenant))
        {
            Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);
        }
        using (var again = await Send(HttpMethod.Delete, tenant, ehr, headers: IfMatch(v4)))
        {
            await ErrorBody.ReadAsync(again, 400, "already_deleted");
        }
        using (var update = await Send(HttpMethod.Put, tenant, ehr, items, headers: IfMatch(v4)))
        {
            await ErrorBody.ReadAsync(update, 404, "directory_deleted");
        }
        using (var recreated = await Send(HttpMethod.Post, tenant, ehr, Fixture("empty_directory.json")))
        {
            Assert.Equal(HttpStatusCode.Created, recreated.StatusCode);
            var uid = EhrServerFixture.VersionUidOf(recreated);
            Assert.NotEqual(objectId, uid.Split("::")[0]);
            using var latest = await Send(HttpMethod.Get, tenant, ehr);
            Assert.Equal($"\"{uid}\"", latest.Headers.ETag!.Tag);
        }

        // Every write and read above is in the EHR's audit trail under its directory action.
        var actions = await _fixture.QueryAsync("SELECT DISTINCT action FROM audit_event WHERE tenant_id = @t AND ehr_id = @e AND action LIKE 'directory.%' ORDER BY action",
            ("t", tenant), ("e", Guid.Parse(ehr)));
        Assert.Equal(["directory.create", "directory.delete", "directory.read", "directory.update"], actions);
    }

    /// <summary>The version uid GET /ehr/{id} gives as the EHR's directory, or null when it gives none.</summary>
    private async Task<string?> EhrDirectoryAsync(string tenant, string ehr)
    {
        using var response = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{ehr}", tenant);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var directory = body["directory"];
        if (directory is null) return null;
        Assert.Equal("FOLDER", directory["type"]!.GetValue<string>());
        return directory["id"]!["value"]!.GetValue<string>();
    }

    [Fact]
    public async Task TheFixtureDirectoriesAreStoredAsSentAndIndexed()
    {
        var tenant = await TenantAsync(_fixture);
        foreach (var file in Directory.EnumerateFiles(Fixtures.Path(DirectoryFixtures), "*.json").Order(StringComparer.Ordinal))
        {
            var ehr = await _fixture.CreateEhrAsync(tenant);
            var folder = JsonNode.Parse(await File.ReadAllBytesAsync(file))!.AsObject();
            // Items waiting for a composition's id get one (a folder may refer to objects it does not hold).
            var text = folder.ToJsonString();
            foreach (var placeholder in new[] { "replaceme", "another_replace_me2", "${composition_uid_short1}", "${composition_uid_short2}", "${composition_uid_short3_a}" })
            {
                text = text.Replace($"\"{placeholder}\"", $"\"{Guid.NewGuid():D}\"", StringComparison.Ordinal);
            }
            folder = JsonNode.Parse(text)!.AsObject();
            using var created = await Send(HttpMethod.Post, tenant, ehr, folder);
            Assert.True(created.StatusCode == HttpStatusCode.Created, $"{Path.GetFileName(file)}: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
            var uid = EhrServerFixture.VersionUidOf(created);
            if (folder["uid"]?["value"]?.GetValue<string>() is { } defined)
            {
                // A client's id for the directory is kept; the version uid is this server's.
                Assert.Equal($"{defined.Split("::")[0]}::{EhrServerFixture.SystemId}::1", uid);
            }
            using var read = await Send(HttpMethod.Get, tenant, ehr);
            Assert.Empty(Differences(folder, await read.Content.ReadAsStringAsync()));
            var hasDetails = text.Contains("\"details\"", StringComparison.Ordinal);
            Assert.Equal(hasDetails, await LeafRowsAsync(_fixture, tenant, ehr, uid) > 0);
        }
    }

    [Fact]
    public async Task BadFoldersAndRequestsAreRefused()
    {
        var tenant = await TenantAsync(_fixture);
        var ehr = await _fixture.CreateEhrAsync(tenant);
        var before = await CountAsync(_fixture, tenant, ehr);
        var nameless = new JsonObject { ["_type"] = "FOLDER", ["archetype_node_id"] = "openEHR-EHR-FOLDER.generic.v1" };
        using (var response = await Send(HttpMethod.Post, tenant, ehr, nameless))
        {
            var error = await ErrorBody.ReadAsync(response, 400, "invalid_folder");
            var issue = error.GetProperty("issues").EnumerateArray().Single();
            Assert.Equal("missing_attribute", issue.GetProperty("code").GetString());
            Assert.Contains("'name'", issue.GetProperty("message").GetString());
        }
        var badItem = EmptyFolder();
        badItem["folders"] = new JsonArray(EmptyFolder(" "));
        badItem["folders"]![0]!["items"] = new JsonArray(new JsonObject { ["id"] = new JsonObject { ["_type"] = "HIER_OBJECT_ID", ["value"] = "x" }, ["namespace"] = "1 bad", ["type"] = "" });
        using (var response = await Send(HttpMethod.Post, tenant, ehr, badItem))
        {
            var error = await ErrorBody.ReadAsync(response, 400, "invalid_folder");
            Assert.Equal(["/folders/0/name/value", "/folders/0/items/0/namespace", "/folders/0/items/0/type"],
                error.GetProperty("issues").EnumerateArray().Select(i => i.GetProperty("path").GetString()));
        }
        using (var response = await _fixture.SendAsync(HttpMethod.Post, $"/ehr/{ehr}/directory", tenant))
        {
            await ErrorBody.ReadAsync(response, 400, "body_required");
        }
        using (var response = await _fixture.SendAsync(HttpMethod.Post, $"/ehr/{ehr}/directory", tenant, Bytes(EmptyFolder()), "text/plain"))
        {
            await ErrorBody.ReadAsync(response, 415, "unsupported_media_type");
        }
        AssertNothingWritten(before, await CountAsync(_fixture, tenant, ehr), "bad folders", refusals: 4);

        using (var response = await Send(HttpMethod.Post, tenant, Guid.NewGuid().ToString("D"), EmptyFolder()))
        {
            await ErrorBody.ReadAsync(response, 404, "ehr_not_found");
        }
        var other = await _fixture.NewTenantAsync("dir");
        using (var response = await Send(HttpMethod.Post, other, ehr, EmptyFolder()))
        {
            await ErrorBody.ReadAsync(response, 404, "ehr_not_found");
        }
        using (var response = await Send(HttpMethod.Get, other, ehr))
        {
            await ErrorBody.ReadAsync(response, 404, "ehr_not_found");
        }
        using (var response = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{ehr}/directory/not-a-uid", tenant))
        {
            await ErrorBody.ReadAsync(response, 400, "invalid_uid");
        }
        using (var response = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{ehr}/directory/{Guid.NewGuid():D}::{EhrServerFixture.SystemId}::1", tenant))
        {
            await ErrorBody.ReadAsync(response, 404, "folder_not_found");
        }
    }

    [Fact]
    public async Task OfTwoConcurrentCreationsOneIsRefused()
    {
        var tenant = await TenantAsync(_fixture);
        for (var round = 0; round < 4; round++)
        {
            var ehr = await _fixture.CreateEhrAsync(tenant);
            var responses = await Task.WhenAll(Send(HttpMethod.Post, tenant, ehr, EmptyFolder("a")), Send(HttpMethod.Post, tenant, ehr, EmptyFolder("b")));
            try
            {
                Assert.Equal([201, 409], responses.Select(r => (int)r.StatusCode).Order());
                await ErrorBody.ReadAsync(responses.Single(r => r.StatusCode == HttpStatusCode.Conflict), 409, "directory_exists");
                Assert.Equal(["1"], await _fixture.QueryAsync("SELECT count(*) FROM versioned_object WHERE tenant_id = @t AND ehr_id = @e AND rm_type = 'FOLDER'",
                    ("t", tenant), ("e", Guid.Parse(ehr))));
            }
            finally
            {
                foreach (var response in responses) response.Dispose();
            }
        }
    }

    [Fact]
    public async Task ADirectoryIsWrittenAndReadInXml()
    {
        var tenant = await TenantAsync(_fixture);
        var ehr = await _fixture.CreateEhrAsync(tenant);
        var folder = Fixture("subfolders_in_directory_with_details.json");
        var xml = Fkj.Cdr.Rm.Codecs.Xml.CanonicalXml.Encode(Fkj.Cdr.Rm.Codecs.Json.CanonicalJson.Decode(Bytes(folder)));
        using (var created = await _fixture.SendAsync(HttpMethod.Post, $"/ehr/{ehr}/directory", tenant, xml, "application/xml", Prefer("representation"), ("Accept", "application/xml")))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            Assert.Equal("application/xml", created.Content.Headers.ContentType!.MediaType);
        }
        using var read = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{ehr}/directory?path=subfolder%202", tenant, headers: ("Accept", "application/xml"));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var root = System.Xml.Linq.XDocument.Parse(await read.Content.ReadAsStringAsync()).Root!;
        Assert.Equal("subfolder 2", root.Elements().Single(e => e.Name.LocalName == "name").Elements().Single(e => e.Name.LocalName == "value").Value);
        using var json = await Send(HttpMethod.Get, tenant, ehr);
        Assert.Empty(Differences(folder, await json.Content.ReadAsStringAsync()));
    }
}
