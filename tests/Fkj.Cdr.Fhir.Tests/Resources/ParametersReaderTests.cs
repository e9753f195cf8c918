using System.Text;
using Fkj.Cdr.Fhir.Resources;

namespace Fkj.Cdr.Fhir.Tests.Resources;

public class ParametersReaderTests
{
    private static Parameters Read(string json) => ParametersReader.Read(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void ReadsPrimitiveCodingCodeableConceptAndPartValues()
    {
        var parameters = Read("""
            {"resourceType":"Parameters","parameter":[
              {"name":"url","valueUri":"http://snomed.info/sct?fhir_vs"},
              {"name":"filter","valueString":"bleed"},
              {"name":"count","valueInteger":5},
              {"name":"activeOnly","valueBoolean":true},
              {"name":"property","valueCode":"parent"},
              {"name":"coding","valueCoding":{"system":"http://snomed.info/sct","code":"131148009","display":"Bleeding"}},
              {"name":"codeableConcept","valueCodeableConcept":{"coding":[{"system":"http://loinc.org","code":"1-8"},{"system":"http://snomed.info/sct","code":"404684003"}]}},
              {"name":"tuple","part":[{"name":"a","valueString":"x"}]}]}
            """);

        Assert.Equal(8, parameters.Parameter.Count);
        Assert.Equal(("Uri", "http://snomed.info/sct?fhir_vs"), (parameters.Find("url")!.Value!.Type, parameters.Find("url")!.Value!.Text));
        Assert.Equal(5, parameters.Find("count")!.Value!.Integer);
        Assert.True(parameters.Find("activeOnly")!.Value!.Boolean);
        Assert.Equal("parent", parameters.Find("property")!.Value!.AsText());
        Assert.Equal(new Coding("http://snomed.info/sct", "131148009", "Bleeding"), parameters.Find("coding")!.Value!.Coding);
        Assert.Equal(["1-8", "404684003"], parameters.Find("codeableConcept")!.CodeableConcept!.Select(c => c.Code));
        Assert.Equal("x", parameters.Find("tuple")!.Parts!.Single().Value!.Text);
    }

    [Fact]
    public void WhatTheWriterWritesTheReaderReads()
    {
        var written = new Parameters([
            Parameter.Of("code", FhirValue.Code("131148009")),
            Parameter.Of("count", FhirValue.Of(3)),
            Parameter.Of("result", FhirValue.Of(false)),
        ]);

        var read = ParametersReader.Read(FhirJson.ToUtf8(written));

        Assert.Equal(written.Parameter.Select(p => (p.Name, p.Value)), read.Parameter.Select(p => (p.Name, p.Value)));
    }

    [Theory]
    [InlineData("not json", null)]
    [InlineData("[]", "resourceType")]
    [InlineData("""{"resourceType":"ValueSet"}""", "resourceType")]
    [InlineData("""{"resourceType":"Parameters","parameter":{}}""", "Parameters.parameter")]
    [InlineData("""{"resourceType":"Parameters","parameter":[{"valueString":"x"}]}""", "Parameters.parameter[0]")]
    [InlineData("""{"resourceType":"Parameters","parameter":[{"name":"count","valueInteger":"5"}]}""", "Parameters.parameter[0].valueInteger")]
    [InlineData("""{"resourceType":"Parameters","parameter":[{"name":"a","valueBoolean":1}]}""", "Parameters.parameter[0].valueBoolean")]
    [InlineData("""{"resourceType":"Parameters","parameter":[{"name":"valueSet","resource":{"resourceType":"ValueSet"}}]}""", "Parameters.parameter[0].resource")]
    public void ABodyThatIsNotAParametersResourceIsA400WithWhere(string json, string? expression)
    {
        var e = Assert.Throws<FhirException>(() => Read(json));
        Assert.Equal(400, e.Status);
        Assert.Equal("invalid", e.IssueCode);
        Assert.Equal(expression, e.Expression);
    }
}
