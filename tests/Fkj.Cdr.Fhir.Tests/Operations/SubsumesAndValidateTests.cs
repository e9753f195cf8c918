using Fkj.Cdr.Fhir.Operations;
using Fkj.Cdr.Fhir.Resources;

namespace Fkj.Cdr.Fhir.Tests.Operations;

/// <summary>$subsumes and both $validate-code operations over the dummy release (facts in <see cref="DummyRelease"/>).</summary>
public class SubsumesAndValidateTests
{
    private const string Sct = "http://snomed.info/sct";

    [Theory]
    [InlineData("404684003", "131148009", "subsumes")]
    [InlineData("131148009", "404684003", "subsumed-by")]
    [InlineData("404684003", "72670004", "subsumes")] // 404684003 → 250171008 → 118222006 → 72670004
    [InlineData("250171008", "250171008", "equivalent")]
    [InlineData("131148009", "250171008", "not-subsumed")]
    [InlineData("404684003", "118225008", "not-subsumed")] // inactive: no active IS-A
    public void SubsumesFollowsTheActiveIsAClosure(string a, string b, string outcome)
    {
        var p = new SubsumesOperation(DummyRelease.Index).Execute(OperationInput.Of(("system", Sct), ("codeA", a), ("codeB", b)));

        Assert.Equal("outcome", p.Parameter.Single().Name);
        Assert.Equal(("Code", outcome), (p.Parameter.Single().Value!.Type, p.Parameter.Single().Value!.Text));
    }

    [Fact]
    public void SubsumesTakesCodingsAndRefusesUnknownCodes()
    {
        var input = OperationInput.FromParameters(new Parameters([
            Parameter.Of("codingA", FhirValue.Of(new Coding(Sct, "250171008"))),
            Parameter.Of("codingB", FhirValue.Of(new Coding(Sct, "300577008")))]));
        Assert.Equal("subsumes", new SubsumesOperation(DummyRelease.Index).Execute(input).Find("outcome")!.Value!.Text);

        var e = Assert.Throws<FhirException>(() => new SubsumesOperation(DummyRelease.Index).Execute(OperationInput.Of(("system", Sct), ("codeA", "404684003"), ("codeB", "73211009"))));
        Assert.Equal((404, "codeB"), (e.Status, e.Expression));
    }

    private static (bool Result, string? Message, string? Display) Outcome(Parameters p) =>
        (p.Find("result")!.Value!.Boolean!.Value, p.Find("message")?.Value!.Text, p.Find("display")?.Value!.Text);

    [Fact]
    public void CodeSystemValidateCodeChecksTheCodeAndTheDisplay()
    {
        var operation = new ValidateCodeOperation(DummyRelease.Index);

        Assert.Equal((true, null, "Bleeding"), Outcome(operation.CodeSystem(OperationInput.Of(("url", Sct), ("code", "131148009")))));
        Assert.Equal((true, null, "Bleeding"), Outcome(operation.CodeSystem(OperationInput.Of(("url", Sct), ("code", "131148009"), ("display", "bleeding (FINDING)")))));

        var wrongDisplay = Outcome(operation.CodeSystem(OperationInput.Of(("url", Sct), ("code", "131148009"), ("display", "Haemorrhage"))));
        Assert.False(wrongDisplay.Result);
        Assert.Contains("Haemorrhage", wrongDisplay.Message);
        Assert.Equal("Bleeding", wrongDisplay.Display);

        var unknown = Outcome(operation.CodeSystem(OperationInput.Of(("url", Sct), ("code", "73211009"))));
        Assert.Equal((false, null), (unknown.Result, unknown.Display));
        Assert.Contains("73211009", unknown.Message);

        var inactive = Outcome(operation.CodeSystem(OperationInput.Of(("system", Sct), ("code", "246188002"))));
        Assert.True(inactive.Result);
        Assert.Contains("inactive", inactive.Message);
    }

    [Fact]
    public void CodeSystemValidateCodeOfAnotherSystemIsA404()
    {
        var e = Assert.Throws<FhirException>(() => new ValidateCodeOperation(DummyRelease.Index).CodeSystem(OperationInput.Of(("url", "http://loinc.org"), ("code", "1-8"))));
        Assert.Equal(404, e.Status);
    }

    [Theory]
    [InlineData("http://snomed.info/sct?fhir_vs=isa/404684003", "72670004", true)]
    [InlineData("http://snomed.info/sct?fhir_vs=isa/404684003", "404684003", true)]
    [InlineData("http://snomed.info/sct?fhir_vs=isa/404684003", "50960005", false)]
    [InlineData("http://snomed.info/sct?fhir_vs=isa/404684003", "118225008", false)]
    [InlineData("http://snomed.info/sct?fhir_vs=ecl/%3C%3C%20250171008", "300577008", true)]
    [InlineData("http://snomed.info/sct?fhir_vs=ecl/%3C%20250171008", "250171008", false)]
    [InlineData("http://snomed.info/sct?fhir_vs=refset/900000000000523009", "118225008", true)]
    [InlineData("http://snomed.info/sct?fhir_vs=refset/900000000000523009", "246188002", false)]
    [InlineData("http://snomed.info/sct?fhir_vs=refset", "900000000000526001", true)]
    [InlineData("http://snomed.info/sct/900000000000207008/version/20180731?fhir_vs", "246188002", true)]
    public void ValueSetValidateCodeIsMembership(string url, string code, bool expected)
    {
        var p = new ValidateCodeOperation(DummyRelease.Index).ValueSet(OperationInput.Of(("url", url), ("system", Sct), ("code", code)));

        Assert.Equal(expected, Outcome(p).Result);
        Assert.Equal(expected, p.Find("message") is null || p.Find("message")!.Value!.Text!.Contains("inactive"));
    }

    [Fact]
    public void ACodeableConceptIsValidWhenOneOfItsCodingsIs()
    {
        var input = OperationInput.FromParameters(new Parameters([
            Parameter.Of("url", FhirValue.Uri("http://snomed.info/sct?fhir_vs=isa/250171008")),
            new Parameter("codeableConcept") { CodeableConcept = [new Coding("http://loinc.org", "1-8"), new Coding(Sct, "118222006")] }]));

        Assert.Equal((true, null, "General finding of observation of patient"), Outcome(new ValidateCodeOperation(DummyRelease.Index).ValueSet(input)));
    }
}
