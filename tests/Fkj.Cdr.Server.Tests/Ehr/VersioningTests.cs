using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using static Fkj.Cdr.Server.Tests.Ehr.EhrTestData;

namespace Fkj.Cdr.Server.Tests.Ehr;

/// <summary>Versions of compositions and of the EHR_STATUS: update, delete, read by version and at a time, history.</summary>
[Collection(EhrServerCollection.Name)]
public sealed class VersioningTests
{
    private readonly EhrServerFixture _fixture;

    public VersioningTests(EhrServerFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task UpdateDeleteAtTimeAndHistory()
    {
        var tenant = await _fixture.VitalSignsTenantAsync();
        var ehr = await _fixture.CreateEhrAsync(tenant);
        var v1 = await _fixture.CommitAsync(tenant, ehr, VitalSigns(105));
        var objectId = v1.Split("::")[0];
        Assert.Equal($"{objectId}::{EhrServerFixture.SystemId}::1", v1);
        await Task.Delay(20);

        // Update: the body may carry the uid of the version it follows (a client that read it and changed it).
        using var updated = await _fixture.SendAsync(HttpMethod.Put, $"/ehr/{ehr}/composition/{objectId}", tenant, VitalSigns(120, uid: v1), "application/json",
            IfMatch(v1), Prefer("representation"));
        var updatedText = await updated.Content.ReadAsStringAsync();
        Assert.True(updated.StatusCode == HttpStatusCode.OK, updatedText);
        var v2 = EhrServerFixture.VersionUidOf(updated);
        Assert.Equal($"{objectId}::{EhrServerFixture.SystemId}::2", v2);
        Assert.Equal($"{_fixture.Server.BaseAddress.ToString().TrimEnd('/')}{EhrServerFixture.Base}/ehr/{ehr}/composition/{v2}", updated.Headers.Location?.ToString());
        Assert.Equal(v2, Json(updatedText).GetProperty("uid").GetProperty("value").GetString());
        Assert.Equal(120, SystolicOf(updatedText));
        await Task.Delay(20);

        // Latest and each version by its uid.
        Assert.Equal(120, SystolicOf(await ReadAsync(tenant, ehr, objectId, v2)));
        Assert.Equal(105, SystolicOf(await ReadAsync(tenant, ehr, v1, v1)));
        Assert.Equal(120, SystolicOf(await ReadAsync(tenant, ehr, v2, v2)));

        // Delete: a version of its own; the latest is then gone (204), the versions stay.
        using var deleted = await _fixture.SendAsync(HttpMethod.Delete, $"/ehr/{ehr}/composition/{v2}", tenant);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        var v3 = EhrServerFixture.VersionUidOf(deleted);
        Assert.Equal($"{objectId}::{EhrServerFixture.SystemId}::3", v3);
        using (var latest = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{ehr}/composition/{objectId}", tenant))
        {
            Assert.Equal(HttpStatusCode.NoContent, latest.StatusCode);
            Assert.Equal(v3, EhrServerFixture.VersionUidOf(latest));
        }
        Assert.Equal(105, SystolicOf(await ReadAsync(tenant, ehr, v1, v1)));
        Assert.Equal(120, SystolicOf(await ReadAsync(tenant, ehr, v2, v2)));

        // History: three versions, with their change types and commit times.
        using var historyResponse = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{ehr}/versioned_composition/{objectId}/revision_history", tenant);
        Assert.Equal(HttpStatusCode.OK, historyResponse.StatusCode);
        var historyText = await historyResponse.Content.ReadAsStringAsync();
        Assert.Empty(ItsRestOpenApi.Validate(ItsRestOpenApi.Ehr, "RevisionHistory", historyText));
        var items = Json(historyText).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([v1, v2, v3], items.Select(i => i.GetProperty("version_id").GetProperty("value").GetString()));
        Assert.Equal(["249", "251", "523"], items.Select(i => i.GetProperty("audits")[0].GetProperty("change_type").GetProperty("defining_code").GetProperty("code_string").GetString()));
        Assert.All(items, i => Assert.Equal(EhrServerFixture.SystemId, i.GetProperty("audits")[0].GetProperty("system_id").GetString()));
        var times = items.Select(i => i.GetProperty("audits")[0].GetProperty("time_committed").GetProperty("value").GetString()!).ToList();

        // At a time: each version from its commit time until the next; before the first, none.
        Assert.Equal(105, SystolicOf(await ReadAtAsync(tenant, ehr, objectId, times[0], v1)));
        Assert.Equal(120, SystolicOf(await ReadAtAsync(tenant, ehr, objectId, times[1], v2)));
        using (var atDeletion = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{ehr}/composition/{objectId}?version_at_time={Uri.EscapeDataString(times[2])}", tenant))
        {
            Assert.Equal(HttpStatusCode.NoContent, atDeletion.StatusCode);
        }
        var before = DateTimeOffset.Parse(times[0], System.Globalization.CultureInfo.InvariantCulture).AddSeconds(-1).ToString("O");
        using (var tooEarly = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{ehr}/composition/{objectId}?version_at_time={Uri.EscapeDataString(before)}", tenant))
        {
            await ErrorBody.ReadAsync(tooEarly, 404, "version_not_found");
        }

        // The VERSION resources: the object, a version by id, a version at a time.
        using var versioned = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{ehr}/versioned_composition/{objectId}", tenant);
        var versionedText = await versioned.Content.ReadAsStringAsync();
        Assert.Empty(ItsRestOpenApi.Validate(ItsRestOpenApi.Ehr, "VersionedComposition", versionedText));
        Assert.Equal(ehr, Json(versionedText).GetProperty("owner_id").GetProperty("id").GetProperty("value").GetString());
        using var version2 = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{ehr}/versioned_composition/{objectId}/version/{v2}", tenant);
        var version2Text = await version2.Content.ReadAsStringAsync();
        var version = Json(version2Text);
        Assert.Equal("ORIGINAL_VERSION", version.GetProperty("_type").GetString());
        Assert.Equal(v1, version.GetProperty("preceding_version_uid").GetProperty("value").GetString());
        Assert.Equal("532", version.GetProperty("lifecycle_state").GetProperty("defining_code").GetProperty("code_string").GetString());
        Assert.Equal(120, SystolicOf(version.GetProperty("data").GetRawText()));
        using var atTime = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{ehr}/versioned_composition/{objectId}/version?version_at_time={Uri.EscapeDataString(times[0])}", tenant);
        Assert.Equal(v1, EhrServerFixture.VersionUidOf(atTime));
        using var deletedVersion = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{ehr}/versioned_composition/{objectId}/version/{v3}", tenant);
        var deletedJson = await JsonAsync(deletedVersion);
        Assert.False(deletedJson.TryGetProperty("data", out _));
        Assert.Equal("523", deletedJson.GetProperty("lifecycle_state").GetProperty("defining_code").GetProperty("code_string").GetString());
    }

    [Fact]
    public async Task StaleMissingAndMalformedIfMatchAreRefused()
    {
        var tenant = await _fixture.VitalSignsTenantAsync();
        var ehr = await _fixture.CreateEhrAsync(tenant);
        var v1 = await _fixture.CommitAsync(tenant, ehr, VitalSigns());
        var objectId = v1.Split("::")[0];
        using (var first = await _fixture.SendAsync(HttpMethod.Put, $"/ehr/{ehr}/composition/{objectId}", tenant, VitalSigns(110), "application/json", IfMatch(v1)))
        {
            // return=minimal (the default): 204 with the new version in ETag and Location.
            Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
            Assert.Equal($"{objectId}::{EhrServerFixture.SystemId}::2", EhrServerFixture.VersionUidOf(first));
            Assert.NotNull(first.Headers.Location);
        }
        var v2 = $"{objectId}::{EhrServerFixture.SystemId}::2";

        using (var stale = await _fixture.SendAsync(HttpMethod.Put, $"/ehr/{ehr}/composition/{objectId}", tenant, VitalSigns(111), "application/json", IfMatch(v1)))
        {
            var error = await ErrorBody.ReadAsync(stale, 412, "version_conflict");
            Assert.Equal(v2, EhrServerFixture.VersionUidOf(stale));
            Assert.Contains(v2, error.GetProperty("message").GetString());
        }
        // ITS-REST makes If-Match a required header of an update: without it the request is malformed (400).
        using (var missing = await _fixture.SendAsync(HttpMethod.Put, $"/ehr/{ehr}/composition/{objectId}", tenant, VitalSigns(111), "application/json"))
        {
            await ErrorBody.ReadAsync(missing, 400, "if_match_required");
        }
        using (var malformed = await _fixture.SendAsync(HttpMethod.Put, $"/ehr/{ehr}/composition/{objectId}", tenant, VitalSigns(111), "application/json", ("If-Match", "\"not-a-version\"")))
        {
            await ErrorBody.ReadAsync(malformed, 400, "invalid_if_match");
        }
        using (var otherObject = await _fixture.SendAsync(HttpMethod.Put, $"/ehr/{ehr}/composition/{objectId}", tenant, VitalSigns(111), "application/json",
            IfMatch($"{Guid.NewGuid():D}::{EhrServerFixture.SystemId}::2")))
        {
            await ErrorBody.ReadAsync(otherObject, 412, "version_conflict");
        }
        // A weak tag names the same version.
        using (var weak = await _fixture.SendAsync(HttpMethod.Put, $"/ehr/{ehr}/composition/{objectId}", tenant, VitalSigns(112), "application/json", ("If-Match", $"W/\"{v2}\"")))
        {
            Assert.Equal(HttpStatusCode.NoContent, weak.StatusCode);
        }
        // The body's uid must be of the object in the URL.
        using (var mismatch = await _fixture.SendAsync(HttpMethod.Put, $"/ehr/{ehr}/composition/{objectId}", tenant,
            VitalSigns(113, uid: $"{Guid.NewGuid():D}::{EhrServerFixture.SystemId}::3"), "application/json", IfMatch($"{objectId}::{EhrServerFixture.SystemId}::3")))
        {
            await ErrorBody.ReadAsync(mismatch, 400, "uid_mismatch");
        }
        // An update names the composition by its versioned object id, not a version uid.
        using (var byVersion = await _fixture.SendAsync(HttpMethod.Put, $"/ehr/{ehr}/composition/{v2}", tenant, VitalSigns(113), "application/json", IfMatch(v2)))
        {
            await ErrorBody.ReadAsync(byVersion, 400, "invalid_uid");
        }
        // DELETE names the latest version: a versioned object id is refused, an older version is a conflict.
        using (var deleteById = await _fixture.SendAsync(HttpMethod.Delete, $"/ehr/{ehr}/composition/{objectId}", tenant))
        {
            await ErrorBody.ReadAsync(deleteById, 400, "version_uid_required");
        }
        using (var deleteOld = await _fixture.SendAsync(HttpMethod.Delete, $"/ehr/{ehr}/composition/{v1}", tenant))
        {
            await ErrorBody.ReadAsync(deleteOld, 409, "version_conflict");
            Assert.Equal($"{objectId}::{EhrServerFixture.SystemId}::3", EhrServerFixture.VersionUidOf(deleteOld));
        }
        var versions = await _fixture.QueryAsync("SELECT count(*) FROM object_version WHERE tenant_id = @t AND object_id = @o",
            ("t", tenant), ("o", Guid.Parse(objectId)));
        Assert.Equal("3", versions.Single());
    }

    [Fact]
    public async Task ANewVersionKeepsItsTemplate()
    {
        var tenant = await _fixture.VitalSignsTenantAsync();
        var other = CompositionFixtures.All.First(c => c.Kind == FixtureKind.Valid && !c.IsXml && c.File.EndsWith("minimal_evaluation.en.v1__.json", StringComparison.Ordinal));
        await _fixture.UploadTemplateAsync(tenant, await File.ReadAllBytesAsync(other.OptPath!));
        var ehr = await _fixture.CreateEhrAsync(tenant);
        var v1 = await _fixture.CommitAsync(tenant, ehr, VitalSigns());
        var body = await File.ReadAllBytesAsync(Fixtures.Path(other.File.Split('/')));
        var node = JsonNode.Parse(body)!.AsObject();
        node.Remove("uid");
        using var response = await _fixture.SendAsync(HttpMethod.Put, $"/ehr/{ehr}/composition/{v1.Split("::")[0]}", tenant,
            Encoding.UTF8.GetBytes(node.ToJsonString()), "application/json", IfMatch(v1));
        var error = await ErrorBody.ReadAsync(response, 422, "template_mismatch");
        Assert.Equal("/archetype_details/template_id", error.GetProperty("path").GetString());
    }

    [Fact]
    public async Task EhrStatusVersions()
    {
        var tenant = await _fixture.NewTenantAsync("status");
        var ehr = await _fixture.CreateEhrAsync(tenant);
        using var first = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{ehr}/ehr_status", tenant);
        var s1 = EhrServerFixture.VersionUidOf(first);
        var status = JsonNode.Parse(await first.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal("PARTY_SELF", status["subject"]!["_type"]!.GetValue<string>());
        Assert.True(status["is_modifiable"]!.GetValue<bool>());
        await Task.Delay(20);

        status["is_queryable"] = false;
        status["subject"] = JsonNode.Parse("""{"_type":"PARTY_SELF","external_ref":{"_type":"PARTY_REF","id":{"_type":"HIER_OBJECT_ID","value":"3b1f2c4e-8a7d-4e5f-9c6b-1a2b3c4d5e6f"},"namespace":"folkeregisteret","type":"PERSON"}}""");
        using var updated = await _fixture.SendAsync(HttpMethod.Put, $"/ehr/{ehr}/ehr_status", tenant, Encoding.UTF8.GetBytes(status.ToJsonString()), "application/json",
            IfMatch(s1), Prefer("representation"));
        var updatedText = await updated.Content.ReadAsStringAsync();
        Assert.True(updated.StatusCode == HttpStatusCode.OK, updatedText);
        Assert.Empty(ItsRestOpenApi.Validate(ItsRestOpenApi.Ehr, "EhrStatus", updatedText));
        var s2 = EhrServerFixture.VersionUidOf(updated);
        Assert.EndsWith("::2", s2);
        Assert.Equal(s2, Json(updatedText).GetProperty("uid").GetProperty("value").GetString());

        // The EHR is found by its new subject, and names its new status version.
        using (var bySubject = await _fixture.SendAsync(HttpMethod.Get, "/ehr?subject_id=3b1f2c4e-8a7d-4e5f-9c6b-1a2b3c4d5e6f&subject_namespace=folkeregisteret", tenant))
        {
            var found = await JsonAsync(bySubject);
            Assert.Equal(ehr, found.GetProperty("ehr_id").GetProperty("value").GetString());
            Assert.Equal(s2, found.GetProperty("ehr_status").GetProperty("id").GetProperty("value").GetString());
        }

        using (var stale = await _fixture.SendAsync(HttpMethod.Put, $"/ehr/{ehr}/ehr_status", tenant, Encoding.UTF8.GetBytes(status.ToJsonString()), "application/json", IfMatch(s1)))
        {
            await ErrorBody.ReadAsync(stale, 412, "version_conflict");
            Assert.Equal(s2, EhrServerFixture.VersionUidOf(stale));
        }
        using (var missing = await _fixture.SendAsync(HttpMethod.Put, $"/ehr/{ehr}/ehr_status", tenant, Encoding.UTF8.GetBytes(status.ToJsonString()), "application/json"))
        {
            await ErrorBody.ReadAsync(missing, 400, "if_match_required");
        }

        using (var old = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{ehr}/ehr_status/{s1}", tenant))
        {
            Assert.True((await JsonAsync(old)).GetProperty("is_queryable").GetBoolean());
        }
        using var history = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{ehr}/versioned_ehr_status/revision_history", tenant);
        var items = (await JsonAsync(history)).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([s1, s2], items.Select(i => i.GetProperty("version_id").GetProperty("value").GetString()));
        var t1 = items[0].GetProperty("audits")[0].GetProperty("time_committed").GetProperty("value").GetString()!;
        using (var atFirst = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{ehr}/ehr_status?version_at_time={Uri.EscapeDataString(t1)}", tenant))
        {
            Assert.Equal(s1, EhrServerFixture.VersionUidOf(atFirst));
        }
        using (var versioned = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{ehr}/versioned_ehr_status", tenant))
        {
            Assert.Equal(s1.Split("::")[0], (await JsonAsync(versioned)).GetProperty("uid").GetProperty("value").GetString());
        }
        using (var byId = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{ehr}/versioned_ehr_status/version/{s2}", tenant))
        {
            Assert.Equal(s1, (await JsonAsync(byId)).GetProperty("preceding_version_uid").GetProperty("value").GetString());
        }
    }

    [Fact]
    public async Task ANonModifiableEhrTakesNoCompositions()
    {
        var tenant = await _fixture.VitalSignsTenantAsync();
        var body = """{"_type":"EHR_STATUS","archetype_node_id":"openEHR-EHR-EHR_STATUS.generic.v1","name":{"value":"EHR Status"},"subject":{},"is_modifiable":false,"is_queryable":true}""";
        using var created = await _fixture.SendAsync(HttpMethod.Post, "/ehr", tenant, Encoding.UTF8.GetBytes(body), "application/json", Prefer("identifier"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var ehr = (await JsonAsync(created)).GetProperty("uid").GetString();
        using var commit = await _fixture.SendAsync(HttpMethod.Post, $"/ehr/{ehr}/composition", tenant, VitalSigns(), "application/json");
        await ErrorBody.ReadAsync(commit, 409, "ehr_not_modifiable");
    }

    private async Task<string> ReadAsync(string tenant, string ehr, string uid, string expectedVersion)
    {
        using var response = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{ehr}/composition/{uid}", tenant);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.Equal(expectedVersion, EhrServerFixture.VersionUidOf(response));
        return text;
    }

    private async Task<string> ReadAtAsync(string tenant, string ehr, string objectId, string time, string expectedVersion)
    {
        using var response = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{ehr}/composition/{objectId}?version_at_time={Uri.EscapeDataString(time)}", tenant);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.Equal(expectedVersion, EhrServerFixture.VersionUidOf(response));
        return text;
    }
}
