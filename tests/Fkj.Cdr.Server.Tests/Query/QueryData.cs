using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fkj.Cdr.Server.Tests.Ehr;

namespace Fkj.Cdr.Server.Tests.Query;

/// <summary>
/// The data the query tests ask about, committed once per server through the REST API: a tenant with the vital
/// signs template, two EHRs with vital-signs compositions whose systolic pressure, pulse and start time the test
/// sets (so every expected answer is computed from these numbers, not from the engine), and a third EHR with none.
/// </summary>
public sealed class QueryData
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static QueryData? _data;
    private static EhrServerFixture? _for;

    public required string Tenant { get; init; }

    /// <summary>Per EHR: its compositions (version uid, systolic, pulse, start time), in commit order.</summary>
    public required Dictionary<string, List<Committed>> Ehrs { get; init; }

    public required string EmptyEhr { get; init; }

    public sealed record Committed(string VersionUid, double Systolic, double Pulse, string StartTime);

    public IEnumerable<Committed> All => Ehrs.Values.SelectMany(c => c);

    public static async Task<QueryData> OfAsync(EhrServerFixture fixture)
    {
        await Gate.WaitAsync();
        try
        {
            if (_data is not null && ReferenceEquals(_for, fixture)) return _data;
            var tenant = await fixture.VitalSignsTenantAsync();
            var ehrs = new Dictionary<string, List<Committed>>();
            var plan = new[]
            {
                new[] { (120.0, 61.0, "2024-01-10T08:00:00Z"), (151.0, 88.0, "2024-02-11T09:30:00Z"), (139.0, 72.0, "2024-03-12T10:00:00Z") },
                new[] { (165.0, 95.0, "2024-01-20T08:15:00Z"), (101.0, 55.0, "2024-04-01T12:00:00Z") },
            };
            foreach (var measurements in plan)
            {
                var ehr = await fixture.CreateEhrAsync(tenant);
                var list = new List<Committed>();
                foreach (var (systolic, pulse, start) in measurements)
                {
                    var uid = await fixture.CommitAsync(tenant, ehr, VitalSigns(systolic, pulse, start));
                    list.Add(new Committed(uid, systolic, pulse, start));
                }
                ehrs[ehr] = list;
            }
            var empty = await fixture.CreateEhrAsync(tenant);
            _for = fixture;
            return _data = new QueryData { Tenant = tenant, Ehrs = ehrs, EmptyEhr = empty };
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>The vital signs composition with these values set.</summary>
    public static byte[] VitalSigns(double systolic, double pulse, string startTime)
    {
        var json = JsonNode.Parse(EhrTestData.VitalSigns(systolic))!.AsObject();
        json["context"]!["start_time"]!["value"] = startTime;
        var pulseObservation = json["content"]!.AsArray().Select(c => c!.AsObject())
            .First(c => c["archetype_node_id"]!.GetValue<string>() == "openEHR-EHR-OBSERVATION.pulse.v2");
        var rate = pulseObservation["data"]!["events"]![0]!["data"]!["items"]!.AsArray().Select(i => i!.AsObject())
            .First(i => i["archetype_node_id"]!.GetValue<string>() == "at0004");
        rate["value"]!["magnitude"] = pulse;
        return Encoding.UTF8.GetBytes(json.ToJsonString());
    }

    /// <summary>Posts a query; returns the status and the body.</summary>
    public static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(EhrServerFixture fixture, string tenant, string q,
        object? parameters = null, long? offset = null, long? fetch = null, string query = "")
    {
        var body = new Dictionary<string, object?> { ["q"] = q };
        if (parameters is not null) body["query_parameters"] = parameters;
        if (offset is not null) body["offset"] = offset;
        if (fetch is not null) body["fetch"] = fetch;
        using var response = await fixture.SendAsync(HttpMethod.Post, "/query/aql" + query, tenant, JsonSerializer.SerializeToUtf8Bytes(body), "application/json");
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>Posts a query that must succeed; returns its rows.</summary>
    public static async Task<List<JsonElement>> RowsAsync(EhrServerFixture fixture, string tenant, string q, object? parameters = null,
        long? offset = null, long? fetch = null)
    {
        var (status, body) = await PostAsync(fixture, tenant, q, parameters, offset, fetch);
        Assert.True(status == HttpStatusCode.OK, $"{(int)status}: {body}");
        return body.GetProperty("rows").EnumerateArray().ToList();
    }
}
