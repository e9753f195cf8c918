using Fkj.Cdr.Fhir.Resources;

namespace Fkj.Cdr.Fhir.Tests.Resources;

/// <summary>The JSON of the resources, compared with the shapes written out by hand from the FHIR R4 JSON format.</summary>
public class ResourceWriterTests
{
    [Fact]
    public void ParametersWriteValuesOfEachTypeAndPartsInOrder()
    {
        var parameters = new Parameters(
        [
            Parameter.Of("name", FhirValue.String("SNOMED CT")),
            Parameter.Of("result", FhirValue.Of(true)),
            Parameter.Of("count", FhirValue.Of(20)),
            Parameter.Of("url", FhirValue.Uri("http://snomed.info/sct")),
            Parameter.Tuple("designation",
                Parameter.Of("language", FhirValue.Code("en")),
                Parameter.Of("use", FhirValue.Of(new Coding("http://snomed.info/sct", "900000000000003001", "Fully specified name"))),
                Parameter.Of("value", FhirValue.String("Bleeding (finding)"))),
        ]);

        Assert.Equal(
            """{"resourceType":"Parameters","parameter":[{"name":"name","valueString":"SNOMED CT"},{"name":"result","valueBoolean":true},"""
            + """{"name":"count","valueInteger":20},{"name":"url","valueUri":"http://snomed.info/sct"},"""
            + """{"name":"designation","part":[{"name":"language","valueCode":"en"},"""
            + """{"name":"use","valueCoding":{"system":"http://snomed.info/sct","code":"900000000000003001","display":"Fully specified name"}},"""
            + """{"name":"value","valueString":"Bleeding (finding)"}]}]}""",
            FhirJson.ToText(parameters));
    }

    [Fact]
    public void DecimalsAreJsonNumbersAsWritten()
    {
        Assert.Equal("""{"resourceType":"Parameters","parameter":[{"name":"value","valueDecimal":2.20}]}""",
            FhirJson.ToText(new Parameters([Parameter.Of("value", FhirValue.Decimal("2.20")!)])));
        Assert.Null(FhirValue.Decimal("2,2"));
        Assert.Null(FhirValue.Decimal("1e"));
    }

    [Fact]
    public void EmptyParametersHaveNoParameterArray() =>
        Assert.Equal("""{"resourceType":"Parameters"}""", FhirJson.ToText(new Parameters([])));

    [Fact]
    public void NorwegianLettersAreWrittenAsThemselves() =>
        Assert.Equal("""{"resourceType":"Parameters","parameter":[{"name":"display","valueString":"Sår på kneet, ørebetennelse, ærlig"}]}""",
            FhirJson.ToText(new Parameters([Parameter.Of("display", FhirValue.String("Sår på kneet, ørebetennelse, ærlig"))])));

    [Fact]
    public void OperationOutcomeHasSeverityCodeDiagnosticsAndExpression() =>
        Assert.Equal(
            """{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"invalid","diagnostics":"bad \"ecl\"","expression":["url"]}]}""",
            FhirJson.ToText(OperationOutcome.Error("invalid", "bad \"ecl\"", "url")));

    [Fact]
    public void ValueSetExpansionHasTimestampTotalOffsetParametersAndContains()
    {
        var valueSet = new ValueSet
        {
            Url = "http://snomed.info/sct?fhir_vs=isa/404684003",
            Identifier = "urn:uuid:00000000-0000-0000-0000-000000000001",
            Timestamp = new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.FromHours(1)),
            Total = 7,
            Offset = 2,
            Parameters = [Parameter.Of("count", FhirValue.Of(1)), Parameter.Of("displayLanguage", FhirValue.Code("en-GB"))],
            Contains =
            [
                new ExpansionEntry("http://snomed.info/sct", "118225008", "Context-dependent finding", Inactive: true)
                {
                    Designations = [new Designation("en", new Coding("http://snomed.info/sct", "900000000000013009", "Synonym"), "Context-dependent finding")],
                },
            ],
        };

        Assert.Equal(
            """{"resourceType":"ValueSet","url":"http://snomed.info/sct?fhir_vs=isa/404684003","status":"active","expansion":{"identifier":"urn:uuid:00000000-0000-0000-0000-000000000001","timestamp":"2026-11-22T07:00:00Z","total":7,"offset":2,"parameter":[{"name":"count","valueInteger":1},{"name":"displayLanguage","valueCode":"en-GB"}],"contains":[{"system":"http://snomed.info/sct","inactive":true,"code":"118225008","display":"Context-dependent finding","designation":[{"language":"en","use":{"system":"http://snomed.info/sct","code":"900000000000013009","display":"Synonym"},"value":"Context-dependent finding"}]}]}}""",
            FhirJson.ToText(valueSet));
    }

    [Fact]
    public void AnExpansionWithoutTotalOrEntriesLeavesThemOut()
    {
        var text = FhirJson.ToText(new ValueSet { Url = "http://snomed.info/sct?fhir_vs" });
        Assert.DoesNotContain("\"total\"", text);
        Assert.DoesNotContain("\"contains\"", text);
        Assert.Contains("\"timestamp\":", text);
    }
}
