using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Fkj.Cdr.Rm.Codecs.Json;
using Fkj.Cdr.Rm.Codecs.Xml;
using Fkj.Cdr.Rm.Content;
using Fkj.Cdr.Server.Definitions;
using Fkj.Cdr.Templates.Flat;

namespace Fkj.Cdr.Server.Tests.Definitions;

/// <summary>The ADL 1.4 template endpoints, request by request.</summary>
[Collection(TemplateServerCollection.Name)]
public sealed class TemplateEndpointTests
{
    private const string MinimalObservation = "openehr/ehrbase-integration-tests/valid_templates/minimal/minimal_observation.opt";
    private const string MinimalObservationId = "minimal_observation.en.v1";
    private const string Spaced = "openehr/ehrbase-sdk-test-data/operationaltemplate/Virologischer Befund.opt";

    private readonly TemplateServerFixture _fixture;

    private readonly Xunit.Abstractions.ITestOutputHelper _output;

    public TemplateEndpointTests(TemplateServerFixture fixture, Xunit.Abstractions.ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    [Fact]
    public async Task AnUploadIs201WithLocationAndETagAndNoBody()
    {
        var tenant = await _fixture.NewTenantAsync();
        var opt = TemplateFixtures.Read(MinimalObservation);

        using var response = await _fixture.UploadAsync(tenant, opt);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(new Uri(_fixture.Server.BaseAddress, TemplateServerFixture.TemplatePath(MinimalObservationId)), response.Headers.Location);
        Assert.False(response.Headers.ETag!.IsWeak);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task ReUploadingTheSameBytesIsIdempotent200WithTheSameLocationAndETag()
    {
        var tenant = await _fixture.NewTenantAsync();
        var opt = TemplateFixtures.Read(MinimalObservation);

        using var first = await _fixture.UploadAsync(tenant, opt);
        using var second = await _fixture.UploadAsync(tenant, opt, "text/xml; charset=utf-8");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        using var list = await _fixture.GetAsync(tenant, TemplateServerFixture.TemplatesPath);
        using var body = JsonDocument.Parse(await list.Content.ReadAsStringAsync());
        Assert.Equal(1, body.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task OtherBytesUnderAStoredIdAre409TemplateConflictAndTheStoredOneStays()
    {
        var tenant = await _fixture.NewTenantAsync();
        var opt = TemplateFixtures.Read(MinimalObservation);
        var changed = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(opt).Replace("</template>", "<!-- changed --></template>", StringComparison.Ordinal));
        using var first = await _fixture.UploadAsync(tenant, opt);

        using var response = await _fixture.UploadAsync(tenant, changed);

        var error = await ErrorBody.ReadAsync(response, 409, "template_conflict");
        Assert.Contains($"'{MinimalObservationId}'", error.GetProperty("message").GetString());
        Assert.Equal(0, error.GetProperty("issues").GetArrayLength());
        using var get = await _fixture.GetAsync(tenant, TemplateServerFixture.TemplatePath(MinimalObservationId));
        Assert.Equal(opt, await get.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task ConcurrentUploadsOfOneTemplateCreateItOnce()
    {
        var tenant = await _fixture.NewTenantAsync();
        var opt = TemplateFixtures.Read(MinimalObservation);

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => _fixture.UploadAsync(tenant, opt)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(5, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Single(responses.Select(r => r.Headers.ETag!.Tag).Distinct());
        foreach (var response in responses) response.Dispose();
    }

    [Fact]
    public async Task PreferReturnRepresentationAnswersWithTheOpt()
    {
        var tenant = await _fixture.NewTenantAsync();
        var opt = TemplateFixtures.Read(MinimalObservation);

        using var response = await _fixture.UploadAsync(tenant, opt, configure: r => r.Headers.Add("Prefer", "return=representation"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(opt, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task GetReturnsTheBytesAsUploadedEvenInUtf16()
    {
        var tenant = await _fixture.NewTenantAsync();
        var text = Encoding.UTF8.GetString(TemplateFixtures.Read(MinimalObservation)).Replace("encoding=\"UTF-8\"", "encoding=\"utf-16\"", StringComparison.OrdinalIgnoreCase);
        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray();
        using var upload = await _fixture.UploadAsync(tenant, utf16);
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);

        using var response = await _fixture.GetAsync(tenant, TemplateServerFixture.TemplatePath(MinimalObservationId), "application/xml");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(utf16, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(upload.Headers.ETag, response.Headers.ETag);
    }

    [Fact]
    public async Task ATemplateIdWithSpacesIsAddressedEscaped()
    {
        var tenant = await _fixture.NewTenantAsync();
        var opt = TemplateFixtures.Read(Spaced);

        using var upload = await _fixture.UploadAsync(tenant, opt);

        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        Assert.EndsWith("/Virologischer%20Befund", upload.Headers.Location!.AbsoluteUri);
        using var get = await _fixture.Client.GetAsync(upload.Headers.Location);
        // The default tenant has no such template: the Location is the tenant's, so ask in the tenant.
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        using var inTenant = await _fixture.GetAsync(tenant, upload.Headers.Location!.AbsolutePath);
        Assert.Equal(opt, await inTenant.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task AMatchingIfNoneMatchIs304()
    {
        var tenant = await _fixture.NewTenantAsync();
        using var upload = await _fixture.UploadAsync(tenant, TemplateFixtures.Read(MinimalObservation));
        var request = new HttpRequestMessage(HttpMethod.Get, TemplateServerFixture.TemplatePath(MinimalObservationId));
        request.Headers.Add("X-Tenant", tenant);
        request.Headers.IfNoneMatch.Add(upload.Headers.ETag!);

        using var response = await _fixture.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task TheListHasTheItsRestTemplateMetadataOfEachTemplate()
    {
        var tenant = await _fixture.NewTenantAsync();
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);
        await _fixture.UploadAsync(tenant, TemplateFixtures.Read(MinimalObservation));
        await _fixture.UploadAsync(tenant, TemplateFixtures.Read(Spaced));

        using var response = await _fixture.GetAsync(tenant, TemplateServerFixture.TemplatesPath, "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var json = await response.Content.ReadAsStringAsync();
        Assert.Empty(ItsRestOpenApi.Validate(ItsRestOpenApi.Definition, "TemplateList", json));
        // The schema does check: an entry without its required fields fails it.
        Assert.NotEmpty(ItsRestOpenApi.Validate(ItsRestOpenApi.Definition, "TemplateList", "[{\"concept\":\"x\"}]"));
        using var body = JsonDocument.Parse(json);
        var templates = body.RootElement.EnumerateArray().ToList();
        // By template id in code point order: upper case before lower case.
        Assert.Equal(["Virologischer Befund", MinimalObservationId], templates.Select(t => t.GetProperty("template_id").GetString()));
        var minimal = templates[1];
        Assert.Equal("Minimal observation", minimal.GetProperty("concept").GetString());
        Assert.Equal("openEHR-EHR-COMPOSITION.minimal.v1", minimal.GetProperty("archetype_id").GetString());
        var created = DateTimeOffset.Parse(minimal.GetProperty("created_timestamp").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(created, before, DateTimeOffset.UtcNow.AddSeconds(5));
        Assert.EndsWith("Z", minimal.GetProperty("created_timestamp").GetString());
    }

    [Fact]
    public async Task AnUnknownTemplateIs404TemplateNotFoundNamingTheId()
    {
        using var response = await _fixture.GetAsync(null, TemplateServerFixture.TemplatePath("no such template.v1"));

        var error = await ErrorBody.ReadAsync(response, 404, "template_not_found");
        Assert.Contains("'no such template.v1'", error.GetProperty("message").GetString());
        Assert.Equal(TemplateServerFixture.TemplatesPath + "/no such template.v1", error.GetProperty("instance").GetString());

        using var example = await _fixture.GetAsync(null, TemplateServerFixture.TemplatePath("no such template.v1") + "/example");
        await ErrorBody.ReadAsync(example, 404, "template_not_found");
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/json")]
    [InlineData(null)]
    public async Task AnythingButXmlIs415(string? contentType)
    {
        using var response = await _fixture.UploadAsync(null, TemplateFixtures.Read(MinimalObservation), contentType);

        var error = await ErrorBody.ReadAsync(response, 415, "unsupported_media_type");
        Assert.Contains("application/xml", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task AnEmptyBodyIs400WithAnEmptyDocumentIssue()
    {
        using var response = await _fixture.UploadAsync(null, []);

        var error = await ErrorBody.ReadAsync(response, 400, "invalid_template");
        var issue = Assert.Single(error.GetProperty("issues").EnumerateArray());
        Assert.Equal("empty_document", issue.GetProperty("code").GetString());
    }

    [Fact]
    public async Task MalformedXmlIs400WithTheLineAndColumnOfTheError()
    {
        using var response = await _fixture.UploadAsync(null, "<template xmlns=\"http://schemas.openehr.org/v1\">\n  <concept>x</concep>\n</template>"u8.ToArray());

        var error = await ErrorBody.ReadAsync(response, 400, "invalid_template");
        var issue = Assert.Single(error.GetProperty("issues").EnumerateArray());
        Assert.Equal("syntax", issue.GetProperty("code").GetString());
        Assert.Equal(2, issue.GetProperty("line").GetInt64());
        Assert.True(issue.GetProperty("column").GetInt64() > 1);
    }

    [Fact]
    public async Task ADeclaredLengthOverTheLimitIs413BeforeTheBodyIsSent()
    {
        var tooLarge = new byte[TemplateServerFixture.MaxTemplateSize + 1];

        using var response = await _fixture.UploadAsync(null, tooLarge, configure: r => r.Headers.ExpectContinue = true);

        var error = await ErrorBody.ReadAsync(response, 413, "payload_too_large");
        Assert.Contains(TemplateServerFixture.MaxTemplateSize.ToString(System.Globalization.CultureInfo.InvariantCulture), error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task AChunkedBodyOverTheLimitIs413()
    {
        var tooLarge = new byte[TemplateServerFixture.MaxTemplateSize + 100];
        var request = new HttpRequestMessage(HttpMethod.Post, TemplateServerFixture.TemplatesPath)
        {
            Content = new StreamContent(new MemoryStream(tooLarge)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        request.Headers.TransferEncodingChunked = true;

        using var response = await _fixture.Client.SendAsync(request);

        await ErrorBody.ReadAsync(response, 413, "payload_too_large");
    }

    [Fact]
    public async Task AnAcceptThatOffersNothingWeHaveIs406()
    {
        using var response = await _fixture.GetAsync(null, TemplateServerFixture.TemplatePath(ShippedTemplateTests.ShippedId), "text/plain");

        var error = await ErrorBody.ReadAsync(response, 406, "not_acceptable");
        Assert.Contains("application/xml", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task AcceptIsNegotiatedByQuality()
    {
        using var response = await _fixture.GetAsync(null, TemplateServerFixture.TemplatePath(ShippedTemplateTests.ShippedId), "text/plain, text/xml;q=0.5, */*;q=0.1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("application/openehr.wt+json", "application/openehr.wt+json")]
    [InlineData("application/json", "application/json")]
    public async Task TheWebTemplateIsTheJsonRepresentation(string accept, string contentType)
    {
        using var response = await _fixture.GetAsync(null, TemplateServerFixture.TemplatePath(ShippedTemplateTests.ShippedId), accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        var json = await response.Content.ReadAsStringAsync();
        using var body = JsonDocument.Parse(json);
        Assert.Equal(ShippedTemplateTests.ShippedId, body.RootElement.GetProperty("templateId").GetString());
        Assert.Equal("nb", body.RootElement.GetProperty("defaultLanguage").GetString());
        Assert.Equal("COMPOSITION", body.RootElement.GetProperty("tree").GetProperty("rmType").GetString());
        // Two requirements of the schema that the openEHR SDK's web templates (and so EHRbase's, and this
        // builder's, which follows them) do not meet either: aqlPath on the root, and localized labels on the
        // entries of a code list from the openEHR terminology (108 of 322 entries in the SDK's expected files).
        var errors = ItsRestOpenApi.Validate(ItsRestOpenApi.Definition, "WebTemplate", json)
            .Where(e => e != "tree: Required properties are missing from object: aqlPath.")
            .Where(e => !e.EndsWith("Required properties are missing from object: localizedLabels, localizedDescriptions.", StringComparison.Ordinal))
            .ToList();
        foreach (var e in errors) _output.WriteLine(e);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task AnUploadCanAnswerWithTheWebTemplate()
    {
        var tenant = await _fixture.NewTenantAsync();

        using var response = await _fixture.UploadAsync(tenant, TemplateFixtures.Read(MinimalObservation), configure: r =>
        {
            r.Headers.Add("Prefer", "return=representation");
            r.Headers.Add("Accept", "application/openehr.wt+json");
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("application/openehr.wt+json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(MinimalObservationId, body.RootElement.GetProperty("templateId").GetString());
    }

    [Fact]
    public async Task TheExampleIsACanonicalJsonCompositionThatTheTemplateAccepts()
    {
        using var response = await _fixture.GetAsync(null, TemplateServerFixture.TemplatePath(ShippedTemplateTests.ShippedId) + "/example", "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var json = await response.Content.ReadAsByteArrayAsync();
        Assert.Empty(ItsJsonSchema.Validate(json));
        var composition = CanonicalJson.Decode<Composition>(json);
        Assert.Equal(ShippedTemplateTests.ShippedId, composition.ArchetypeDetails!.TemplateId!.Value);
        var compiled = await _fixture.Server.App.Services.GetRequiredService<TemplateRegistry>()
            .GetCompiledAsync("default", ShippedTemplateTests.ShippedId, CancellationToken.None);
        var result = compiled.Validator().Validate(composition);
        Assert.True(result.IsValid, result.ToString());
    }

    [Fact]
    public async Task TheExampleIsCanonicalXmlWhenAskedFor()
    {
        using var response = await _fixture.GetAsync(null, TemplateServerFixture.TemplatePath(ShippedTemplateTests.ShippedId) + "/example", "application/xml");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        var composition = CanonicalXml.Decode<Composition>(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(ShippedTemplateTests.ShippedId, composition.ArchetypeDetails!.TemplateId!.Value);
    }

    [Theory]
    [InlineData("application/openehr.wt.flat+json")]
    [InlineData("application/openehr.wt.flat.schema+json")]
    [InlineData("application/openehr.wt.structured+json")]
    [InlineData("application/openehr.wt.structured.schema+json")]
    public async Task TheExampleIsFlatOrStructuredInEitherSpelling(string mediaType)
    {
        using var response = await _fixture.GetAsync(null, TemplateServerFixture.TemplatePath(ShippedTemplateTests.ShippedId) + "/example", mediaType);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsByteArrayAsync();
        var compiled = await _fixture.Server.App.Services.GetRequiredService<TemplateRegistry>()
            .GetCompiledAsync("default", ShippedTemplateTests.ShippedId, CancellationToken.None);
        using var json = JsonDocument.Parse(body);
        var flat = mediaType.Contains(".flat", StringComparison.Ordinal);
        var composition = flat
            ? FlatComposition.Decode(body, compiled.WebTemplate())
            : StructuredComposition.Decode(body, compiled.WebTemplate());
        if (flat)
        {
            // FLAT: one object of path: value, every path below the template's root node.
            var root = compiled.WebTemplate().Tree.Id;
            Assert.All(json.RootElement.EnumerateObject(), p => Assert.True(p.Name.StartsWith(root + "/", StringComparison.Ordinal) || p.Name.StartsWith("ctx/", StringComparison.Ordinal), p.Name));
        }
        else
        {
            // STRUCTURED: the root node's id holding the tree.
            Assert.Equal(compiled.WebTemplate().Tree.Id, Assert.Single(json.RootElement.EnumerateObject()).Name);
        }

        // It is the canonical example, in the other format.
        Assert.Equal(CanonicalJson.Encode(compiled.ExampleComposition(compiled.Template.Language)), CanonicalJson.Encode(composition));
        Assert.True(compiled.Validator().Validate(composition).IsValid);
    }

    [Fact]
    public async Task TheExampleIsNotOfferedInOtherFormats()
    {
        using var response = await _fixture.GetAsync(null, TemplateServerFixture.TemplatePath(ShippedTemplateTests.ShippedId) + "/example", "text/plain");

        await ErrorBody.ReadAsync(response, 406, "not_acceptable");
    }
}
