using System.Text.Json.Nodes;

namespace Fkj.Cdr.Server.Tests.Query;

/// <summary>
/// Queries at the edges of what the engine reads from documents and computes in SQL (huge or zero arguments, a
/// value compared with the wrong kind of literal or parameter, objects compared, folders, names, the EHR_STATUS,
/// archetype ids as parameters), run over the data set: each is answered with rows or refused with a 400 and its
/// code, never a 500 (which a failing cast or a division by zero in SQL would give).
/// </summary>
[Collection(AqlDatasetCollection.Name)]
public sealed class AqlEdgeQueryTests(AqlDatasetFixture fixture)
{
    public static TheoryData<string, int> Queries => new()
    {
        { "SELECT SUBSTRING(c/name/value, 99999999999), SUBSTRING(c/name/value, -5, 2) FROM EHR e CONTAINS COMPOSITION c", 200 },
        { "SELECT MOD(el/value/magnitude, 0), ROUND(el/value/magnitude, 99999999999), ROUND(el/value/magnitude, -99) FROM EHR e CONTAINS ELEMENT el[at0004]", 200 },
        { "SELECT ABS(NULL), LENGTH(NULL), SUBSTRING('abc', NULL), CONCAT_WS(NULL, 'a') FROM EHR e", 200 },
        { "SELECT c/name/value FROM EHR e CONTAINS COMPOSITION c WHERE c/name/value > 3", 200 },
        { "SELECT c/name/value FROM EHR e CONTAINS COMPOSITION c WHERE c/context/start_time > 3", 400 },
        { "SELECT c/name/value FROM EHR e CONTAINS COMPOSITION c WHERE c/context/start_time/value = c/name/value", 400 },
        { "SELECT c/name/value FROM EHR e CONTAINS COMPOSITION c WHERE c/uid/value = e/ehr_id/value", 200 },
        { "SELECT c/name/value FROM EHR e CONTAINS COMPOSITION c WHERE e/ehr_status/is_queryable = 'yes'", 400 },
        { "SELECT c/name/value FROM EHR e CONTAINS COMPOSITION c WHERE e/ehr_status/is_queryable = $n", 400 },
        { "SELECT c/name/value FROM EHR e CONTAINS COMPOSITION c WHERE LENGTH(c/uid/value) > $p", 400 },
        { "SELECT c/name/value FROM EHR e CONTAINS COMPOSITION c ORDER BY c/composer", 400 },
        { "SELECT f, f/items, f/folders/name/value FROM EHR e CONTAINS FOLDER f", 200 },
        { "SELECT COUNT(f), MIN(f/name/value) FROM EHR e CONTAINS FOLDER f WHERE f/details/items[at0001]/value/value = 'x'", 200 },
        { "SELECT o/name/value FROM EHR e CONTAINS OBSERVATION o[name/value > 3]", 200 },
        { "SELECT o/name/value FROM EHR e CONTAINS OBSERVATION o[name/value = $p]", 200 },
        { "SELECT o/name/value FROM EHR e CONTAINS OBSERVATION o[name = 'x']", 400 },
        { "SELECT e/ehr_status/other_details, e/ehr_status/name/value FROM EHR e ORDER BY e/ehr_status/name/value", 200 },
        { "SELECT COUNT(e/ehr_status/other_details), MAX(e/ehr_status/name/value) FROM EHR e", 200 },
        { "SELECT v/uid/value FROM EHR e CONTAINS VERSION v[commit_audit/time_committed/value > 'yesterday'] CONTAINS COMPOSITION c", 400 },
        { "SELECT v/uid/value FROM EHR e CONTAINS VERSION v[commit_audit/time_committed/value > $p] CONTAINS COMPOSITION c", 400 },
        { "SELECT c/name/value FROM EHR e CONTAINS COMPOSITION c WHERE NOW() > CURRENT_DATE() AND CURRENT_TIME() < '23:59:59' AND NOW() = NOW()", 200 },
        { "SELECT el/value/value FROM EHR e CONTAINS ELEMENT el WHERE el/value/value > 3 OR el/value/value = true", 200 },
        { "SELECT el/value/value FROM EHR e CONTAINS ELEMENT el WHERE el/value/value MATCHES {'a', 3, true}", 200 },
        { "SELECT el/value/magnitude FROM EHR e CONTAINS ELEMENT el WHERE el/value/magnitude MATCHES $p", 400 },
        { "SELECT s/name/value FROM EHR e CONTAINS SECTION s[openEHR-EHR-SECTION.adhoc.v1, $p] NOT CONTAINS SECTION s2[openEHR-EHR-SECTION.adhoc.v1, 'x']", 200 },
        { "SELECT o FROM EHR e CONTAINS OBSERVATION o[$n]", 200 },
        { "SELECT o FROM EHR e CONTAINS OBSERVATION o[$missing]", 400 },
        { "SELECT SUM(c/name/value) FROM EHR e CONTAINS COMPOSITION c", 400 },
        { "SELECT LENGTH(c/name/value) AS n, COUNT(*) AS k FROM EHR e CONTAINS COMPOSITION c ORDER BY n", 200 },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task QueryIsAnsweredOrRefusedNeverFailed(string q, int status)
    {
        var body = new JsonObject { ["q"] = q, ["query_parameters"] = new JsonObject { ["p"] = "x", ["n"] = 3 } };
        using var response = await fixture.SendAsync(HttpMethod.Post, "/query/aql", System.Text.Encoding.UTF8.GetBytes(body.ToJsonString()), "application/json");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"{(int)response.StatusCode}: {text}");
        var json = JsonNode.Parse(text)!;
        if (status == 400)
        {
            Assert.Contains((string?)json["code"], new[] { "invalid_aql", "unsupported_aql", "aql_parameter_missing", "aql_parameter_invalid" });
        }
        else
        {
            Assert.NotNull(json["rows"]);
        }
    }
}
