using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Xml;
using Xunit.Abstractions;

namespace Fkj.Cdr.Server.Tests.Definitions;

/// <summary>Every fixture OPT through the REST API: the valid ones are stored and read back byte for byte, the invalid ones refused with their reason.</summary>
[Collection(TemplateServerCollection.Name)]
public sealed class TemplateFixtureTests
{
    private readonly TemplateServerFixture _fixture;
    private readonly ITestOutputHelper _output;

    public TemplateFixtureTests(TemplateServerFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    public static TheoryData<string> Invalid()
    {
        var data = new TheoryData<string>();
        foreach (var file in TemplateFixtures.Invalid()) data.Add(file);
        return data;
    }

    /// <summary>
    /// Uploads every valid fixture, in order, into one tenant. The first OPT of each template id is created
    /// (201); a later file with the same id and the same bytes is the same template (200); a later file with
    /// the same id and other bytes is a conflict (409), since a stored template never changes.
    /// </summary>
    [Fact]
    public async Task EveryValidFixtureUploadsAndIsReadBackByteForByte()
    {
        var tenant = await _fixture.NewTenantAsync("fixtures");
        var files = TemplateFixtures.Valid().ToList();
        var first = new Dictionary<string, (string File, string Sha256, byte[] Bytes)>(StringComparer.Ordinal);
        var counts = new Dictionary<HttpStatusCode, int>();
        var conflicts = new List<string>();
        var failures = new List<string>();

        foreach (var file in files)
        {
            var bytes = TemplateFixtures.Read(file);
            var templateId = TemplateIdOf(bytes);
            var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
            var expected = !first.TryGetValue(templateId, out var earlier) ? HttpStatusCode.Created
                : earlier.Sha256 == sha256 ? HttpStatusCode.OK
                : HttpStatusCode.Conflict;

            using var response = await _fixture.UploadAsync(tenant, bytes);
            counts[response.StatusCode] = counts.GetValueOrDefault(response.StatusCode) + 1;
            if (response.StatusCode != expected)
            {
                var body = await response.Content.ReadAsStringAsync();
                failures.Add($"{file}: expected {(int)expected}, got {(int)response.StatusCode}: {body}");
                continue;
            }
            switch (expected)
            {
                case HttpStatusCode.Created:
                    first[templateId] = (file, sha256, bytes);
                    Assert.EndsWith(TemplateServerFixture.TemplatePath(templateId), response.Headers.Location!.AbsoluteUri);
                    Assert.Equal($"\"{sha256}\"", response.Headers.ETag!.Tag);
                    break;
                case HttpStatusCode.Conflict:
                    conflicts.Add($"{file} ('{templateId}', first uploaded from {first[templateId].File})");
                    var error = await ErrorBody.ReadAsync(response, 409, "template_conflict");
                    Assert.Contains(templateId, error.GetProperty("message").GetString());
                    break;
            }
        }

        _output.WriteLine($"{files.Count} files: {counts.GetValueOrDefault(HttpStatusCode.Created)} created, " +
                          $"{counts.GetValueOrDefault(HttpStatusCode.OK)} identical re-uploads, {counts.GetValueOrDefault(HttpStatusCode.Conflict)} conflicts");
        foreach (var conflict in conflicts) _output.WriteLine("409 " + conflict);
        Assert.Empty(failures);
        // 161 fixture OPTs with 138 distinct template ids: 5 files repeat an earlier one's id with the same
        // bytes (AlternativeEvents.xml is AlternativeEvents.opt, and four SDK files copy integration-test ones),
        // 18 with other bytes (the *_updated variants, and SDK files that differ from their namesakes).
        Assert.Equal(161, files.Count);
        Assert.Equal(138, counts.GetValueOrDefault(HttpStatusCode.Created));
        Assert.Equal(5, counts.GetValueOrDefault(HttpStatusCode.OK));
        Assert.Equal(18, counts.GetValueOrDefault(HttpStatusCode.Conflict));

        using (var list = await _fixture.GetAsync(tenant, TemplateServerFixture.TemplatesPath))
        {
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
            using var body = JsonDocument.Parse(await list.Content.ReadAsStringAsync());
            Assert.Equal(first.Keys.Order(StringComparer.Ordinal), body.RootElement.EnumerateArray().Select(t => t.GetProperty("template_id").GetString()!));
        }

        foreach (var (templateId, (file, _, bytes)) in first)
        {
            using var get = await _fixture.GetAsync(tenant, TemplateServerFixture.TemplatePath(templateId), "application/xml");
            Assert.True(get.StatusCode == HttpStatusCode.OK, $"{templateId} ({file}): {(int)get.StatusCode}");
            Assert.Equal("application/xml", get.Content.Headers.ContentType?.MediaType);
            var returned = await get.Content.ReadAsByteArrayAsync();
            Assert.True(bytes.SequenceEqual(returned), $"{templateId} ({file}) came back changed");
        }
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task AnInvalidFixtureIsRefusedWithAnIssueNamingTheProblem(string file)
    {
        var tenant = await _fixture.NewTenantAsync("invalid");

        using var response = await _fixture.UploadAsync(tenant, TemplateFixtures.Read(file));

        var error = await ErrorBody.ReadAsync(response, 400, "invalid_template");
        var issues = error.GetProperty("issues").EnumerateArray().ToList();
        Assert.NotEmpty(issues);
        foreach (var issue in issues)
        {
            Assert.False(string.IsNullOrWhiteSpace(issue.GetProperty("code").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(issue.GetProperty("message").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(issue.GetProperty("path").GetString()));
            Assert.True(issue.GetProperty("line").GetInt64() >= 1);
            Assert.True(issue.GetProperty("column").GetInt64() >= 1);
        }
        var (code, fragment) = ExpectedReason(file);
        Assert.Contains(issues, i => i.GetProperty("code").GetString() == code && i.GetProperty("message").GetString()!.Contains(fragment, StringComparison.Ordinal));
        Assert.Equal(issues[0].GetProperty("path").GetString(), error.GetProperty("path").GetString());

        using var list = await _fixture.GetAsync(tenant, TemplateServerFixture.TemplatesPath);
        Assert.Equal("[]", await list.Content.ReadAsStringAsync());
    }

    /// <summary>What the folder (and, for removed elements, the file name) says is wrong: as the parser's own fixture tests expect.</summary>
    private static (string Code, string Fragment) ExpectedReason(string file)
    {
        var name = Path.GetFileNameWithoutExtension(file);
        return file.Split('/')[^2] switch
        {
            "alien_tags" => ("unknown_element", "<bullfrog>"),
            "empty_file" when name == "empty_xml_template" => ("missing_element", "requires <template_id>"),
            "empty_file" => ("empty_document", "no root element"),
            "multiple_elements" => ("duplicate_element", "may appear only once"),
            "removed_mandatory_elements" when name.EndsWith("concept_value", StringComparison.Ordinal) => ("missing_element", "concept is empty"),
            "removed_mandatory_elements" => ("missing_element", $"requires <{name.Split('_')[^1]}>"),
            "removed_template_id" when name.EndsWith('1') => ("missing_element", "template_id is empty"),
            "removed_template_id" when name.EndsWith('3') => ("unexpected_text", "found 'bullfrog'"),
            "removed_template_id" when name.EndsWith('4') => ("missing_element", "requires <template_id>"),
            "removed_template_id" => ("missing_element", "<template_id> requires <value>"),
            var folder => throw new InvalidOperationException($"no expectation for folder {folder}"),
        };
    }

    /// <summary>The template_id of an OPT, read with an XML reader of its own (not the server's parser).</summary>
    private static string TemplateIdOf(byte[] opt)
    {
        using var reader = XmlReader.Create(new MemoryStream(opt), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        reader.MoveToContent();
        while (reader.Read())
        {
            if (reader is { NodeType: XmlNodeType.Element, Depth: 1, LocalName: "template_id" })
            {
                reader.ReadToDescendant("value");
                return reader.ReadElementContentAsString().Trim();
            }
        }
        throw new InvalidOperationException("no template_id");
    }
}
