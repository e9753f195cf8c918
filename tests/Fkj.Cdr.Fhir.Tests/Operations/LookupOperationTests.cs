using Fkj.Cdr.Fhir.Operations;
using Fkj.Cdr.Fhir.Resources;

namespace Fkj.Cdr.Fhir.Tests.Operations;

/// <summary>CodeSystem/$lookup over the dummy release (facts in <see cref="DummyRelease"/>).</summary>
public class LookupOperationTests
{
    private static Parameters Lookup(params (string, string)[] input) => new LookupOperation(DummyRelease.Index).Execute(OperationInput.Of(input));

    private static List<(string Code, string? Value)> Properties(Parameters p) =>
        p.All("property").Select(x => (x.Parts!.Single(q => q.Name == "code").Value!.Text!, x.Parts!.Single(q => q.Name == "value").Value!.AsText())).ToList();

    [Fact]
    public void ALookupGivesNameDisplayDesignationsAndTheDefaultProperties()
    {
        var p = Lookup(("system", "http://snomed.info/sct"), ("code", "131148009"));

        Assert.Equal("SNOMED CT", p.Find("name")!.Value!.Text);
        Assert.Equal("Bleeding", p.Find("display")!.Value!.Text);
        var designations = p.All("designation").Select(d => (
            d.Parts!.Single(x => x.Name == "language").Value!.Text,
            d.Parts!.Single(x => x.Name == "use").Value!.Coding!.Code,
            d.Parts!.Single(x => x.Name == "value").Value!.Text)).OrderBy(d => d.Item3).ToList();
        Assert.Equal([("en", "900000000000013009", "Bleeding"), ("en", "900000000000003001", "Bleeding (finding)")], designations);
        Assert.Equal(
            [("inactive", "false"), ("sufficientlyDefined", "true"), ("moduleId", "900000000000207008"), ("parent", "404684003"), ("116676008", "50960005")],
            Properties(p));
        Assert.Equal("Boolean", p.All("property").First().Parts![1].Value!.Type);
        Assert.Equal("Code", p.All("property").Last().Parts![1].Value!.Type);
    }

    [Fact]
    public void OnlyThePropertiesAskedForAreReturnedAndChildOnlyWhenAsked()
    {
        var p = Lookup(("system", "http://snomed.info/sct"), ("code", "404684003"), ("property", "child"), ("property", "inactive"));

        Assert.Empty(p.All("designation"));
        Assert.Equal([("inactive", "false"), ("child", "64572001"), ("child", "131148009"), ("child", "250171008")], Properties(p));
    }

    /// <summary>
    /// The snowstorm-lite mini release: <c>grep -v '^#' sct2_Relationship_Snapshot_INT_20210131.txt | awk -F'\t' '$3==1 &amp;&amp; $5==362969004'</c>
    /// gives 363698007 → 113331007, and sct2_RelationshipConcreteValues_Snapshot_INT_20210131.txt gives 363698007
    /// "Before bed" and "Daily" for 362969004.
    /// </summary>
    [Fact]
    public void AttributesAndConcreteValuesAreProperties()
    {
        var mini = Fkj.Cdr.Terminology.Index.SnomedIndexBuilder.Build(Fkj.Cdr.Terminology.Rf2.Rf2Release.Open(
            Fkj.Cdr.Testing.Fixtures.Path("snomed", "snowstorm-lite-mini", "SnomedCT_MiniRF2")));

        var p = new LookupOperation(mini).Execute(OperationInput.Of(("system", "http://snomed.info/sct"), ("code", "362969004"), ("property", "363698007")));

        var values = p.All("property").Select(x => (x.Parts![0].Value!.Text, x.Parts![1].Value!.Type, x.Parts![1].Value!.AsText())).OrderBy(v => v.Item3).ToList();
        Assert.Equal([("363698007", "Code", "113331007"), ("363698007", "String", "Before bed"), ("363698007", "String", "Daily")], values);
    }

    [Fact]
    public void AnInactiveConceptSaysSoAndHasNoParents()
    {
        var p = Lookup(("system", "http://snomed.info/sct"), ("code", "118225008"), ("property", "inactive"), ("property", "parent"));

        Assert.Equal([("inactive", "true")], Properties(p));
        Assert.Equal("Context-dependent finding", p.Find("display")!.Value!.Text);
    }

    [Fact]
    public void ACodingMayStandForSystemAndCode()
    {
        var input = OperationInput.FromParameters(new Parameters([Parameter.Of("coding", FhirValue.Of(new Coding("http://snomed.info/sct", "250171008")))]));

        var p = new LookupOperation(DummyRelease.Index).Execute(input);

        Assert.Equal("Clinical history and observation findings", p.Find("display")!.Value!.Text);
    }

    [Theory]
    [InlineData("http://loinc.org", "131148009", 404, "system")]
    [InlineData(null, "131148009", 400, "system")]
    [InlineData("http://snomed.info/sct", "131148008", 400, "code")] // wrong Verhoeff check digit
    [InlineData("http://snomed.info/sct", "210860014", 400, "code")] // a description id, not a concept
    [InlineData("http://snomed.info/sct", "73211009", 404, "code")] // a valid SCTID that the dummy release does not have
    [InlineData("http://snomed.info/sct", null, 400, "code")]
    public void BadInputIsAnErrorNamingTheParameter(string? system, string? code, int status, string expression)
    {
        var input = new List<(string, string)>();
        if (system is not null) input.Add(("system", system));
        if (code is not null) input.Add(("code", code));

        var e = Assert.Throws<FhirException>(() => Lookup([.. input]));

        Assert.Equal((status, expression), (e.Status, e.Expression));
    }
}
