using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Fkj.Cdr.Aql.Parsing;
using Fkj.Cdr.Aql.Syntax;
using Fkj.Cdr.Aql.Writing;

namespace Fkj.Cdr.Benchmarks.Aql;

/// <summary>
/// AQL parsing: the typical per-EHR query (the latest 10 blood pressures of one EHR: CONTAINS with archetype
/// predicates, WHERE on the EHR id, ORDER BY time DESC, LIMIT 10) parsed into its syntax tree, against
/// <see cref="JsonDocument.Parse(string, JsonDocumentOptions)"/> of the same query encoded as a JSON object
/// (select, from, where, order by and limit as nested objects: 1,439 characters against the text's 538) as the
/// baseline: what reading the query's structure costs when a general-purpose parser does it.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class AqlParserBenchmarks
{
    public const string Query = """
        SELECT c/context/start_time/value AS time,
               o/data[at0001]/events[at0006]/data[at0003]/items[at0004]/value/magnitude AS systolic,
               o/data[at0001]/events[at0006]/data[at0003]/items[at0005]/value/magnitude AS diastolic,
               o/data[at0001]/events[at0006]/data[at0003]/items[at0004]/value/units AS units
        FROM EHR e
          CONTAINS COMPOSITION c[openEHR-EHR-COMPOSITION.encounter.v1]
            CONTAINS OBSERVATION o[openEHR-EHR-OBSERVATION.blood_pressure.v2]
        WHERE e/ehr_id/value = $ehrId
        ORDER BY c/context/start_time/value DESC
        LIMIT 10
        """;

    /// <summary>The same query as a JSON object, one member per clause and path step.</summary>
    public const string QueryAsJson = """
        {"select":[
          {"path":{"variable":"c","steps":[{"attribute":"context"},{"attribute":"start_time"},{"attribute":"value"}]},"alias":"time"},
          {"path":{"variable":"o","steps":[{"attribute":"data","node":"at0001"},{"attribute":"events","node":"at0006"},{"attribute":"data","node":"at0003"},{"attribute":"items","node":"at0004"},{"attribute":"value"},{"attribute":"magnitude"}]},"alias":"systolic"},
          {"path":{"variable":"o","steps":[{"attribute":"data","node":"at0001"},{"attribute":"events","node":"at0006"},{"attribute":"data","node":"at0003"},{"attribute":"items","node":"at0005"},{"attribute":"value"},{"attribute":"magnitude"}]},"alias":"diastolic"},
          {"path":{"variable":"o","steps":[{"attribute":"data","node":"at0001"},{"attribute":"events","node":"at0006"},{"attribute":"data","node":"at0003"},{"attribute":"items","node":"at0004"},{"attribute":"value"},{"attribute":"units"}]},"alias":"units"}],
         "from":{"class":"EHR","variable":"e","contains":{"class":"COMPOSITION","variable":"c","archetype":"openEHR-EHR-COMPOSITION.encounter.v1",
           "contains":{"class":"OBSERVATION","variable":"o","archetype":"openEHR-EHR-OBSERVATION.blood_pressure.v2"}}},
         "where":{"op":"=","left":{"variable":"e","steps":[{"attribute":"ehr_id"},{"attribute":"value"}]},"right":{"parameter":"ehrId"}},
         "orderBy":[{"path":{"variable":"c","steps":[{"attribute":"context"},{"attribute":"start_time"},{"attribute":"value"}]},"descending":true}],
         "limit":10}
        """;

    private AqlQuery parsed = null!;

    [GlobalSetup]
    public void Setup()
    {
        parsed = AqlParser.Parse(Query);
        if (!AqlParser.Parse(AqlWriter.Write(parsed)).Equals(parsed)) throw new InvalidOperationException("The query does not survive the round trip.");
        using var json = JsonDocument.Parse(QueryAsJson);
    }

    [Benchmark(Baseline = true)]
    public int JsonDocumentParse()
    {
        using var document = JsonDocument.Parse(QueryAsJson);
        return (int)document.RootElement.ValueKind;
    }

    [Benchmark]
    public AqlQuery Parse() => AqlParser.Parse(Query);

    [Benchmark]
    public string Write() => AqlWriter.Write(parsed);
}
