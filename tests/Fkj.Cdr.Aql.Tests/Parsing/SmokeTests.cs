using Fkj.Cdr.Aql.Writing;
using static Fkj.Cdr.Aql.Tests.Support.Aql;

namespace Fkj.Cdr.Aql.Tests.Parsing;

public class SmokeTests
{
    [Theory]
    [InlineData("SELECT e/ehr_id/value FROM EHR e")]
    [InlineData("SELECT c/uid/value AS uid, o/data[at0001]/events[at0006 and name/value='Any event']/data[at0003]/items[at0004]/value/magnitude FROM EHR e[ehr_id/value=$ehrId] CONTAINS COMPOSITION c[openEHR-EHR-COMPOSITION.encounter.v1] CONTAINS OBSERVATION o[openEHR-EHR-OBSERVATION.blood_pressure.v2] WHERE o/data[at0001]/events[at0006]/data[at0003]/items[at0004]/value/magnitude > 140 AND c/name/value LIKE 'Vital*' ORDER BY c/context/start_time/value DESC LIMIT 10 OFFSET 5")]
    [InlineData("SELECT COUNT(*), MAX(o/x) FROM EHR e CONTAINS (OBSERVATION o AND EVALUATION v) WHERE o/x MATCHES {terminology://snomed-ct/hierarchy?rootConceptId=50043002} OR v/y matches {'a', 1, -2.5, TERMINOLOGY('expand', 'hl7.org/fhir/4.0', 'url')}")]
    [InlineData("SELECT v/commit_audit/time_committed FROM VERSION v[ALL_VERSIONS] CONTAINS COMPOSITION c[at0001, local::at0002|text|] WHERE NOT EXISTS c/content AND c/x IS NOT NULL -- comment")]
    public void Parses_and_round_trips(string text)
    {
        var query = Parse(text);
        var written = AqlWriter.Write(query);
        Assert.Equal(query, Parse(written));
    }
}
