using System.Text;
using System.Text.Json;

namespace Fkj.Cdr.Server.Tests.Terminology;

/// <summary>
/// The FHIR R4 terminology operations over HTTP with the dummy release (expected values: see
/// tests/Fkj.Cdr.Fhir.Tests/Operations/DummyRelease.cs). Checks status, <c>application/fhir+json</c>, the resource
/// shapes and parameter names as the R4 operation definitions spell them.
/// </summary>
[Collection(TerminologyServerCollection.Name)]
public sealed class FhirTerminologyEndpointsTests(TerminologyServerFixture fixture)
{
    private const string Sct = "http%3A%2F%2Fsnomed.info%2Fsct";

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, int status, string resourceType)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        var root = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal(resourceType, root.GetProperty("resourceType").GetString());
        return root;
    }

    private async Task<JsonElement> GetAsync(string path, int status = 200, string resourceType = "Parameters")
    {
        using var response = await fixture.Client.GetAsync(path);
        return await ReadAsync(response, status, resourceType);
    }

    private async Task<JsonElement> PostAsync(string path, string parameters, int status = 200, string resourceType = "Parameters", string mediaType = "application/fhir+json")
    {
        using var response = await fixture.Client.PostAsync(path, new StringContent(parameters, Encoding.UTF8, mediaType));
        return await ReadAsync(response, status, resourceType);
    }

    private static IEnumerable<JsonElement> Named(JsonElement parameters, string name) =>
        parameters.GetProperty("parameter").EnumerateArray().Where(p => p.GetProperty("name").GetString() == name);

    private static JsonElement Issue(JsonElement outcome) => outcome.GetProperty("issue").EnumerateArray().Single();

    [Fact]
    public void BeforeATerminologyIsLoadedAnOperationIsA503OperationOutcome()
    {
        var (status, media, body) = fixture.BeforeLoading["/fhir/r4/CodeSystem/$lookup?system=http://snomed.info/sct&code=404684003"];
        Assert.Equal((503, "application/fhir+json"), (status, media));
        var outcome = JsonDocument.Parse(body).RootElement;
        Assert.Equal("OperationOutcome", outcome.GetProperty("resourceType").GetString());
        Assert.Equal("error", Issue(outcome).GetProperty("severity").GetString());
        Assert.Contains("terminology_not_loaded", Issue(outcome).GetProperty("diagnostics").GetString());
    }

    [Fact]
    public async Task LookupByGetHasTheR4OutputParameters()
    {
        var p = await GetAsync($"/fhir/r4/CodeSystem/$lookup?system={Sct}&code=131148009&property=parent&property=designation&property=sufficientlyDefined");

        Assert.Equal(["name", "display", "designation", "designation", "property", "property"],
            p.GetProperty("parameter").EnumerateArray().Select(x => x.GetProperty("name").GetString()));
        Assert.Equal("Bleeding", Named(p, "display").Single().GetProperty("valueString").GetString());
        var designation = Named(p, "designation").First().GetProperty("part").EnumerateArray().ToList();
        Assert.Equal(["language", "use", "value"], designation.Select(x => x.GetProperty("name").GetString()));
        Assert.Equal("http://snomed.info/sct", designation[1].GetProperty("valueCoding").GetProperty("system").GetString());
        var properties = Named(p, "property").Select(x => x.GetProperty("part").EnumerateArray().ToList()).ToList();
        Assert.Equal(("sufficientlyDefined", true), (properties[0][0].GetProperty("valueCode").GetString(), properties[0][1].GetProperty("valueBoolean").GetBoolean()));
        Assert.Equal(("parent", "404684003"), (properties[1][0].GetProperty("valueCode").GetString(), properties[1][1].GetProperty("valueCode").GetString()));
    }

    [Fact]
    public async Task LookupByPostTakesAParametersBody()
    {
        var p = await PostAsync("/fhir/r4/CodeSystem/$lookup", """
            {"resourceType":"Parameters","parameter":[{"name":"coding","valueCoding":{"system":"http://snomed.info/sct","code":"404684003"}},{"name":"property","valueCode":"child"}]}
            """);

        Assert.Equal("Clinical finding", Named(p, "display").Single().GetProperty("valueString").GetString());
        Assert.Equal(["64572001", "131148009", "250171008"],
            Named(p, "property").Select(x => x.GetProperty("part")[1].GetProperty("valueCode").GetString()));
    }

    [Fact]
    public async Task SubsumesByGetAndPost()
    {
        var get = await GetAsync($"/fhir/r4/CodeSystem/$subsumes?system={Sct}&codeA=404684003&codeB=72670004");
        Assert.Equal("subsumes", Named(get, "outcome").Single().GetProperty("valueCode").GetString());

        var post = await PostAsync("/fhir/r4/CodeSystem/$subsumes", """
            {"resourceType":"Parameters","parameter":[{"name":"system","valueUri":"http://snomed.info/sct"},{"name":"codeA","valueCode":"72670004"},{"name":"codeB","valueCode":"404684003"}]}
            """);
        Assert.Equal("subsumed-by", Named(post, "outcome").Single().GetProperty("valueCode").GetString());
    }

    [Fact]
    public async Task ValidateCodeAnswersResultMessageAndDisplay()
    {
        var valid = await GetAsync($"/fhir/r4/CodeSystem/$validate-code?url={Sct}&code=131148009&display=Bleeding");
        Assert.True(Named(valid, "result").Single().GetProperty("valueBoolean").GetBoolean());
        Assert.Equal("Bleeding", Named(valid, "display").Single().GetProperty("valueString").GetString());

        var outside = await GetAsync("/fhir/r4/ValueSet/$validate-code?url=" + Uri.EscapeDataString("http://snomed.info/sct?fhir_vs=isa/250171008") + $"&system={Sct}&code=131148009");
        Assert.False(Named(outside, "result").Single().GetProperty("valueBoolean").GetBoolean());
        Assert.Contains("not in the value set", Named(outside, "message").Single().GetProperty("valueString").GetString());
    }

    [Fact]
    public async Task ExpandReturnsTheValueSetItselfWithTheExpansion()
    {
        var url = Uri.EscapeDataString("http://snomed.info/sct?fhir_vs=ecl/" + Uri.EscapeDataString("<< 404684003"));
        var v = await GetAsync($"/fhir/r4/ValueSet/$expand?url={url}&count=3&offset=1", resourceType: "ValueSet");

        Assert.Equal("http://snomed.info/sct?fhir_vs=ecl/%3C%3C%20404684003", v.GetProperty("url").GetString());
        Assert.Equal("active", v.GetProperty("status").GetString());
        var expansion = v.GetProperty("expansion");
        Assert.StartsWith("urn:uuid:", expansion.GetProperty("identifier").GetString());
        Assert.True(DateTimeOffset.TryParse(expansion.GetProperty("timestamp").GetString(), out _));
        Assert.Equal((7, 1), (expansion.GetProperty("total").GetInt32(), expansion.GetProperty("offset").GetInt32()));
        var contains = expansion.GetProperty("contains").EnumerateArray().ToList();
        Assert.Equal(["72670004", "118222006", "131148009"], contains.Select(c => c.GetProperty("code").GetString()));
        Assert.All(contains, c => Assert.Equal("http://snomed.info/sct", c.GetProperty("system").GetString()));
        Assert.Equal("Sign", contains[0].GetProperty("display").GetString());
    }

    [Fact]
    public async Task ExpandByPostWithFilterAndDesignations()
    {
        var v = await PostAsync("/fhir/r4/ValueSet/$expand", """
            {"resourceType":"Parameters","parameter":[{"name":"url","valueUri":"http://snomed.info/sct?fhir_vs=isa/404684003"},
              {"name":"filter","valueString":"clin"},{"name":"count","valueInteger":10},{"name":"includeDesignations","valueBoolean":true}]}
            """, resourceType: "ValueSet");

        var contains = v.GetProperty("expansion").GetProperty("contains").EnumerateArray().ToList();
        Assert.Equal(["404684003", "250171008", "64572001"], contains.Select(c => c.GetProperty("code").GetString()));
        Assert.Equal(3, v.GetProperty("expansion").GetProperty("total").GetInt32());
        Assert.Contains("Clinical finding (finding)", contains[0].GetProperty("designation").EnumerateArray().Select(d => d.GetProperty("value").GetString()));
    }

    [Fact]
    public async Task InvalidEclIsA400OperationOutcomeWithThePosition()
    {
        var url = Uri.EscapeDataString("http://snomed.info/sct?fhir_vs=ecl/" + Uri.EscapeDataString("<< 404684003 AND"));
        var outcome = await GetAsync($"/fhir/r4/ValueSet/$expand?url={url}", 400, "OperationOutcome");

        Assert.Equal("invalid", Issue(outcome).GetProperty("code").GetString());
        Assert.Contains("line 1, column 17", Issue(outcome).GetProperty("diagnostics").GetString());
        Assert.Equal("url", Issue(outcome).GetProperty("expression")[0].GetString());
    }

    [Theory]
    [InlineData("/fhir/r4/CodeSystem/$lookup?system=http%3A%2F%2Floinc.org&code=1-8", 404, "not-found")]
    [InlineData("/fhir/r4/CodeSystem/$lookup?system=http%3A%2F%2Fsnomed.info%2Fsct&code=73211009", 404, "not-found")]
    [InlineData("/fhir/r4/CodeSystem/$lookup?system=http%3A%2F%2Fsnomed.info%2Fsct&code=12", 400, "invalid")]
    [InlineData("/fhir/r4/ValueSet/$expand?url=http%3A%2F%2Fexample.org%2Fvs", 404, "not-found")]
    [InlineData("/fhir/r4/ValueSet/$expand?url=http%3A%2F%2Fsnomed.info%2Fsct%3Ffhir_vs&count=x", 400, "invalid")]
    [InlineData("/fhir/r4/ValueSet/$expand?url=http%3A%2F%2Fsnomed.info%2Fsct%3Ffhir_vs&count=20000", 422, "too-costly")]
    public async Task ErrorsAreOperationOutcomesWithTheirStatus(string path, int status, string code)
    {
        var outcome = await GetAsync(path, status, "OperationOutcome");
        Assert.Equal(code, Issue(outcome).GetProperty("code").GetString());
    }

    [Fact]
    public async Task APostThatIsNotAFhirParametersBodyIsRefused()
    {
        var notParameters = await PostAsync("/fhir/r4/CodeSystem/$lookup", """{"resourceType":"Patient"}""", 400, "OperationOutcome");
        Assert.Equal("invalid", Issue(notParameters).GetProperty("code").GetString());

        await PostAsync("/fhir/r4/CodeSystem/$lookup", "code=1", 415, "OperationOutcome", mediaType: "application/x-www-form-urlencoded");
    }
}
