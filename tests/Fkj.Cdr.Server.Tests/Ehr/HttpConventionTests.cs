using System.Net;
using System.Text;
using System.Xml.Linq;
using static Fkj.Cdr.Server.Tests.Ehr.EhrTestData;

namespace Fkj.Cdr.Server.Tests.Ehr;

/// <summary>The HTTP conventions of ITS-REST on the EHR endpoints: Prefer, Location, ETag, media types, ids, statuses.</summary>
[Collection(EhrServerCollection.Name)]
public sealed class HttpConventionTests
{
    private readonly EhrServerFixture _fixture;

    public HttpConventionTests(EhrServerFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task CreatingAnEhrAnswersAsPreferAsks()
    {
        var tenant = await _fixture.NewTenantAsync("http");
        using var minimal = await _fixture.SendAsync(HttpMethod.Post, "/ehr", tenant);
        Assert.Equal(HttpStatusCode.Created, minimal.StatusCode);
        Assert.Empty(await minimal.Content.ReadAsByteArrayAsync());
        var id = minimal.Headers.ETag!.Tag.Trim('"');
        Assert.True(Guid.TryParse(id, out _));
        Assert.EndsWith($"{EhrServerFixture.Base}/ehr/{id}", minimal.Headers.Location!.ToString());

        using var representation = await _fixture.SendAsync(HttpMethod.Post, "/ehr", tenant, null, null, Prefer("representation"));
        var text = await representation.Content.ReadAsStringAsync();
        // ITS-REST's schema narrows every HIER_OBJECT_ID to a UUID; BASE also allows an internet id, which the
        // system id is (as in ITS-REST's own version uid examples, ...::openEHRSys.example.com::1).
        Assert.DoesNotContain(ItsRestOpenApi.Validate(ItsRestOpenApi.Ehr, "Ehr", text), e => !e.StartsWith("system_id.value:", StringComparison.Ordinal));
        var ehr = Json(text);
        Assert.Equal(EhrServerFixture.SystemId, ehr.GetProperty("system_id").GetProperty("value").GetString());
        Assert.EndsWith($"::{EhrServerFixture.SystemId}::1", ehr.GetProperty("ehr_status").GetProperty("id").GetProperty("value").GetString());

        using var xml = await _fixture.SendAsync(HttpMethod.Post, "/ehr", tenant, null, null, Prefer("representation"), ("Accept", "application/xml"));
        Assert.Equal("application/xml", xml.Content.Headers.ContentType?.MediaType);
        Assert.Equal("ehr", XDocument.Parse(await xml.Content.ReadAsStringAsync()).Root!.Name.LocalName);

        var chosen = Guid.NewGuid().ToString("D");
        using var put = await _fixture.SendAsync(HttpMethod.Put, $"/ehr/{chosen}", tenant, null, null, Prefer("identifier"));
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        Assert.Equal(chosen, (await JsonAsync(put)).GetProperty("uid").GetString());
        using var get = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{chosen}", tenant);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal($"\"{chosen}\"", get.Headers.ETag!.Tag);

        using var notUuid = await _fixture.SendAsync(HttpMethod.Put, "/ehr/patient-1", tenant);
        await ErrorBody.ReadAsync(notUuid, 400, "invalid_ehr_id");
        using var unknown = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{Guid.NewGuid():D}", tenant);
        await ErrorBody.ReadAsync(unknown, 404, "ehr_not_found");
        using var halfSubject = await _fixture.SendAsync(HttpMethod.Get, "/ehr?subject_id=x", tenant);
        await ErrorBody.ReadAsync(halfSubject, 400, "bad_request");
        using var noSubject = await _fixture.SendAsync(HttpMethod.Get, "/ehr?subject_id=x&subject_namespace=y", tenant);
        await ErrorBody.ReadAsync(noSubject, 404, "ehr_not_found");
        using var unknownTenant = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{chosen}", "no-such-tenant");
        await ErrorBody.ReadAsync(unknownTenant, 400, "unknown_tenant");
    }

    [Fact]
    public async Task CompositionsAnswerAsPreferAndAcceptAsk()
    {
        var tenant = await _fixture.VitalSignsTenantAsync();
        var ehr = await _fixture.CreateEhrAsync(tenant);

        using var minimal = await _fixture.SendAsync(HttpMethod.Post, $"/ehr/{ehr}/composition", tenant, VitalSigns(), "application/json");
        Assert.Equal(HttpStatusCode.Created, minimal.StatusCode);
        Assert.Empty(await minimal.Content.ReadAsByteArrayAsync());
        var uid = EhrServerFixture.VersionUidOf(minimal);
        Assert.Matches($"^[0-9a-f-]{{36}}::{EhrServerFixture.SystemId.Replace(".", "\\.")}::1$", uid);
        Assert.EndsWith($"/ehr/{ehr}/composition/{uid}", minimal.Headers.Location!.ToString());

        using var identifier = await _fixture.SendAsync(HttpMethod.Post, $"/ehr/{ehr}/composition", tenant, VitalSigns(), "application/json", Prefer("identifier"));
        Assert.Empty(ItsRestOpenApi.Validate(ItsRestOpenApi.Ehr, "Identifier", await identifier.Content.ReadAsStringAsync()));

        using var asXml = await _fixture.SendAsync(HttpMethod.Post, $"/ehr/{ehr}/composition", tenant, VitalSigns(), "application/json", Prefer("representation"), ("Accept", "application/xml"));
        Assert.Equal(HttpStatusCode.Created, asXml.StatusCode);
        var root = XDocument.Parse(await asXml.Content.ReadAsStringAsync()).Root!;
        Assert.Equal(EhrServerFixture.VersionUidOf(asXml), root.Elements().Single(e => e.Name.LocalName == "uid").Value);

        using var notAcceptable = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{ehr}/composition/{uid}", tenant, headers: ("Accept", "text/csv"));
        await ErrorBody.ReadAsync(notAcceptable, 406, "not_acceptable");
        using var flat = await _fixture.SendAsync(HttpMethod.Post, $"/ehr/{ehr}/composition", tenant, Encoding.UTF8.GetBytes("{}"), "application/openehr.wt.flat+json");
        await ErrorBody.ReadAsync(flat, 400, "template_id_missing");
        using var unsupported = await _fixture.SendAsync(HttpMethod.Post, $"/ehr/{ehr}/composition", tenant, Encoding.UTF8.GetBytes("{}"), "application/yaml");
        await ErrorBody.ReadAsync(unsupported, 415, "unsupported_media_type");
        using var badTime = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{ehr}/composition/{uid.Split("::")[0]}?version_at_time=yesterday", tenant);
        await ErrorBody.ReadAsync(badTime, 400, "invalid_version_at_time");
        using var badUid = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{ehr}/composition/not-a-uid", tenant);
        await ErrorBody.ReadAsync(badUid, 400, "invalid_uid");
        using var otherSystem = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{ehr}/composition/{uid.Split("::")[0]}::other.system::1", tenant);
        await ErrorBody.ReadAsync(otherSystem, 404, "composition_not_found");
        using var empty = await _fixture.SendAsync(HttpMethod.Post, $"/ehr/{ehr}/composition", tenant, [], "application/json");
        await ErrorBody.ReadAsync(empty, 400, "body_required");

        // A composition of another EHR of the same tenant is not found through this one.
        var otherEhr = await _fixture.CreateEhrAsync(tenant);
        using var elsewhere = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{otherEhr}/composition/{uid}", tenant);
        await ErrorBody.ReadAsync(elsewhere, 404, "composition_not_found");

        // A version_at_time with its zone written +01:00 unescaped in the query still reads.
        var stamp = DateTimeOffset.UtcNow.AddMinutes(1).ToOffset(TimeSpan.FromHours(1)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture);
        using var atNow = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{ehr}/composition/{uid.Split("::")[0]}?version_at_time={stamp}", tenant);
        Assert.Equal(HttpStatusCode.OK, atNow.StatusCode);
    }

    [Fact]
    public async Task TextThatXmlCannotCarryIsRefusedAsXmlAndReadAsJson()
    {
        var tenant = await _fixture.VitalSignsTenantAsync();
        var ehr = await _fixture.CreateEhrAsync(tenant);
        var composition = System.Text.Json.Nodes.JsonNode.Parse(VitalSigns())!.AsObject();
        composition["composer"] = new System.Text.Json.Nodes.JsonObject { ["_type"] = "PARTY_IDENTIFIED", ["name"] = "Kari\u0001Nordmann" };
        using var created = await _fixture.SendAsync(HttpMethod.Post, $"/ehr/{ehr}/composition", tenant, Encoding.UTF8.GetBytes(composition.ToJsonString()), "application/json");
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var uid = EhrServerFixture.VersionUidOf(created);

        using var asXml = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{ehr}/composition/{uid}", tenant, headers: ("Accept", "application/xml"));
        await ErrorBody.ReadAsync(asXml, 406, "not_representable_as_xml");
        using var asJson = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{ehr}/composition/{uid}", tenant);
        Assert.Equal(HttpStatusCode.OK, asJson.StatusCode);
        Assert.Equal("Kari\u0001Nordmann", (await JsonAsync(asJson)).GetProperty("composer").GetProperty("name").GetString());
    }

    [Fact]
    public async Task InvalidCompositionsGetEveryErrorWithItsPath()
    {
        var tenant = await _fixture.VitalSignsTenantAsync();
        var ehr = await _fixture.CreateEhrAsync(tenant);
        using var response = await _fixture.SendAsync(HttpMethod.Post, $"/ehr/{ehr}/composition", tenant, VitalSigns(5000), "application/json");
        var error = await ErrorBody.ReadAsync(response, 422, "invalid_composition");
        var issue = error.GetProperty("issues").EnumerateArray().Single();
        Assert.Equal("out_of_range", issue.GetProperty("code").GetString());
        Assert.Contains("[openEHR-EHR-OBSERVATION.blood_pressure.v2]", issue.GetProperty("path").GetString());
        Assert.EndsWith("/value/magnitude", issue.GetProperty("path").GetString());

        using var unknown = await _fixture.SendAsync(HttpMethod.Post, $"/ehr/{ehr}/composition", tenant,
            Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(VitalSigns()).Replace("fkj.vital_signs_news2.v1", "fkj.missing.v1")), "application/json");
        var unknownError = await ErrorBody.ReadAsync(unknown, 422, "unknown_template");
        Assert.Contains("fkj.missing.v1", unknownError.GetProperty("message").GetString());
    }
}
