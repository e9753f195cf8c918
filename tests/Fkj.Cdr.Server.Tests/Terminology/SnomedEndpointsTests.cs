using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Fkj.Cdr.Server.Tests.Terminology;

/// <summary>
/// /terminology/snomed over HTTP with the dummy release. Expected values read off the RF2 files with awk (the commands
/// are in tests/Fkj.Cdr.Fhir.Tests/Operations/DummyRelease.cs): 404684003's children 64572001, 131148009,
/// 250171008; &lt;&lt; 404684003 is seven concepts; 131148009 "Bleeding", sufficiently defined, FSN "Bleeding (finding)".
/// </summary>
[Collection(TerminologyServerCollection.Name)]
public sealed class SnomedEndpointsTests(TerminologyServerFixture fixture)
{
    private async Task<JsonElement> GetJsonAsync(string path, string? acceptLanguage = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptLanguage is not null) request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        using var response = await fixture.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static string[] Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToArray();

    [Fact]
    public async Task BeforeATerminologyIsLoadedEveryRouteIs503()
    {
        var (status, media, body) = fixture.BeforeLoading["/terminology/snomed/concepts/404684003"];
        Assert.Equal((503, "application/json"), (status, media));
        Assert.Equal("terminology_not_loaded", JsonDocument.Parse(body).RootElement.GetProperty("code").GetString());
        Assert.Equal(503, fixture.BeforeLoading["/terminology/snomed/search?term=clin"].Status);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task AConceptHasStatusModuleDefinitionFsnAndPreferredTerm()
    {
        var concept = await GetJsonAsync("/terminology/snomed/concepts/131148009");

        Assert.Equal("131148009", concept.GetProperty("id").GetString());
        Assert.True(concept.GetProperty("active").GetBoolean());
        Assert.Equal("900000000000207008", concept.GetProperty("moduleId").GetString());
        Assert.Equal("defined", concept.GetProperty("definitionStatus").GetString());
        Assert.Equal("Bleeding (finding)", concept.GetProperty("fsn").GetString());
        Assert.Equal("Bleeding", concept.GetProperty("preferredTerm").GetString());

        var inactive = await GetJsonAsync("/terminology/snomed/concepts/118225008?lang=en-GB");
        Assert.False(inactive.GetProperty("active").GetBoolean());
        Assert.Equal("primitive", inactive.GetProperty("definitionStatus").GetString());
    }

    [Fact]
    public async Task PreferredTermsFollowTheLanguageAsked()
    {
        // en-GB: 50960005's preferred synonym is "Haemorrhage"; en-US has no row for it, so the en-GB term is the fallback.
        var gb = await GetJsonAsync("/terminology/snomed/concepts/50960005", acceptLanguage: "en-GB");
        Assert.Equal("Haemorrhage", gb.GetProperty("preferredTerm").GetString());
        var us = await GetJsonAsync("/terminology/snomed/concepts/50960005?lang=en-US");
        Assert.Equal("Haemorrhage", us.GetProperty("preferredTerm").GetString());
    }

    [Fact]
    public async Task DescriptionsCarryTypeLanguageAndAcceptability()
    {
        var page = await GetJsonAsync("/terminology/snomed/concepts/131148009/descriptions");

        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["210860014", "735516015"], items.Select(i => i.GetProperty("id").GetString()).Order());
        var fsn = items.Single(i => i.GetProperty("id").GetString() == "735516015");
        Assert.Equal(("fsn", "Bleeding (finding)", "en"), (fsn.GetProperty("type").GetString(), fsn.GetProperty("term").GetString(), fsn.GetProperty("languageCode").GetString()));
        Assert.Equal("preferred", fsn.GetProperty("acceptability").GetProperty("900000000000508004").GetString());
    }

    [Fact]
    public async Task HierarchyRoutesArePaged()
    {
        Assert.Equal(["404684003"], Ids(await GetJsonAsync("/terminology/snomed/concepts/131148009/parents")));
        Assert.Equal(["64572001", "131148009", "250171008"], Ids(await GetJsonAsync("/terminology/snomed/concepts/404684003/children")));
        Assert.Equal(["138875005", "404684003"], Ids(await GetJsonAsync("/terminology/snomed/concepts/131148009/ancestors")));

        var page = await GetJsonAsync("/terminology/snomed/concepts/404684003/descendants?offset=2&limit=3");
        Assert.Equal(6, page.GetProperty("total").GetInt32());
        Assert.Equal((2, 3), (page.GetProperty("offset").GetInt32(), page.GetProperty("limit").GetInt32()));
        Assert.Equal(["118222006", "131148009", "250171008"], Ids(page));
        Assert.Equal("General finding of observation of patient", page.GetProperty("items")[0].GetProperty("term").GetString());
    }

    [Fact]
    public async Task SearchRanksAndTakesAnEclConstraint()
    {
        var all = await GetJsonAsync("/terminology/snomed/search?term=clin&limit=3");
        // en-GB preferred synonyms first, shorter first: 404684003 (16), 250171008 (41); then acceptable 64572001 (32).
        Assert.Equal(["404684003", "250171008", "64572001"], all.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("conceptId").GetString()));

        var within = await GetJsonAsync("/terminology/snomed/search?term=clin&ecl=" + Uri.EscapeDataString("<< 250171008"));
        Assert.Equal(["250171008"], within.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("conceptId").GetString()));

        var inactive = await GetJsonAsync("/terminology/snomed/search?term=context-dependent&inactive=true");
        Assert.Contains("118225008", inactive.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("conceptId").GetString()));
        var activeOnly = await GetJsonAsync("/terminology/snomed/search?term=context-dependent");
        Assert.DoesNotContain("118225008", activeOnly.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("conceptId").GetString()));
    }

    [Fact]
    public async Task EclByGetAndPostCountsAndPages()
    {
        var page = await GetJsonAsync("/terminology/snomed/ecl?expression=" + Uri.EscapeDataString("<< 404684003") + "&offset=5&limit=10");
        Assert.Equal(7, page.GetProperty("total").GetInt32());
        Assert.Equal(["300577008", "404684003"], Ids(page));

        using var text = await fixture.Client.PostAsync("/terminology/snomed/ecl?limit=1", new StringContent("<< 250171008", Encoding.UTF8, "text/plain"));
        var posted = JsonDocument.Parse(await text.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(4, posted.GetProperty("total").GetInt32());
        Assert.Equal(["72670004"], Ids(posted));

        using var json = await fixture.Client.PostAsync("/terminology/snomed/ecl", new StringContent("""{"expression":"< 404684003 : 116676008 = << 49755003"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(["131148009", "300577008"], Ids(JsonDocument.Parse(await json.Content.ReadAsStringAsync()).RootElement));
    }

    [Theory]
    [InlineData("404684003", "131148009", "subsumes", true)]
    [InlineData("131148009", "404684003", "subsumed-by", false)]
    [InlineData("131148009", "131148009", "equivalent", true)]
    [InlineData("131148009", "250171008", "not-subsumed", false)]
    public async Task SubsumesAnswersBothWays(string a, string b, string outcome, bool subsumes)
    {
        var answer = await GetJsonAsync($"/terminology/snomed/subsumes?a={a}&b={b}");
        Assert.Equal((outcome, subsumes), (answer.GetProperty("outcome").GetString(), answer.GetProperty("subsumes").GetBoolean()));
    }

    [Theory]
    [InlineData("/terminology/snomed/concepts/131148008", 400, "invalid_sctid")]
    [InlineData("/terminology/snomed/concepts/abc", 400, "invalid_sctid")]
    [InlineData("/terminology/snomed/concepts/73211009", 404, "concept_not_found")]
    [InlineData("/terminology/snomed/concepts/73211009/children", 404, "concept_not_found")]
    [InlineData("/terminology/snomed/concepts/404684003/descendants?limit=100000", 400, "invalid_parameter")]
    [InlineData("/terminology/snomed/search", 400, "invalid_parameter")]
    [InlineData("/terminology/snomed/search?term=clin&offset=2000000000", 400, "invalid_parameter")]
    [InlineData("/terminology/snomed/subsumes?a=404684003&b=73211009", 404, "concept_not_found")]
    [InlineData("/terminology/snomed/ecl", 400, "invalid_parameter")]
    public async Task ErrorsAreTheApisJsonErrors(string path, int status, string code)
    {
        using var response = await fixture.Client.GetAsync(path);
        await ErrorBody.ReadAsync(response, status, code);
    }

    [Fact]
    public async Task InvalidEclIs400WithLineAndColumn()
    {
        using var response = await fixture.Client.GetAsync("/terminology/snomed/ecl?expression=" + Uri.EscapeDataString("<< 404684003 AND"));
        var error = await ErrorBody.ReadAsync(response, 400, "invalid_ecl");

        var issue = error.GetProperty("issues")[0];
        Assert.Equal((1, 17), (issue.GetProperty("line").GetInt32(), issue.GetProperty("column").GetInt32()));

        using var unknown = await fixture.Client.GetAsync("/terminology/snomed/search?term=x&ecl=" + Uri.EscapeDataString("<< 73211009"));
        var unknownIssue = (await ErrorBody.ReadAsync(unknown, 400, "invalid_ecl")).GetProperty("issues")[0];
        Assert.Equal((1, 4), (unknownIssue.GetProperty("line").GetInt32(), unknownIssue.GetProperty("column").GetInt32()));
    }
}
