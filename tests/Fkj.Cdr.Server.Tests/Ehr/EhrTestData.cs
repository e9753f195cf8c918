using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fkj.Cdr.Server.Tests.Ehr;

/// <summary>Variants of the vital signs composition and small JSON helpers for the EHR tests.</summary>
public static class EhrTestData
{
    /// <summary>The vital signs composition with the systolic pressure set to <paramref name="systolic"/> (mm[Hg]).</summary>
    public static byte[] VitalSigns(double systolic = 105, string? uid = null)
    {
        var json = JsonNode.Parse(EhrServerFixture.VitalSigns())!.AsObject();
        Systolic(json)["magnitude"] = systolic;
        if (uid is not null) json["uid"] = new JsonObject { ["_type"] = "OBJECT_VERSION_ID", ["value"] = uid };
        return Encoding.UTF8.GetBytes(json.ToJsonString());
    }

    /// <summary>The systolic magnitude of a vital signs composition (canonical JSON).</summary>
    public static double SystolicOf(string json) => Systolic(JsonNode.Parse(json)!.AsObject())["magnitude"]!.GetValue<double>();

    /// <summary>The DV_QUANTITY of the systolic pressure: the blood pressure OBSERVATION's first event, ELEMENT at0004.</summary>
    private static JsonObject Systolic(JsonObject composition)
    {
        var observation = composition["content"]!.AsArray().Select(c => c!.AsObject())
            .First(c => c["archetype_node_id"]!.GetValue<string>() == "openEHR-EHR-OBSERVATION.blood_pressure.v2");
        var items = observation["data"]!["events"]![0]!["data"]!["items"]!.AsArray();
        return items.Select(i => i!.AsObject()).First(i => i["archetype_node_id"]!.GetValue<string>() == "at0004")["value"]!.AsObject();
    }

    public static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => Json(await response.Content.ReadAsStringAsync());

    /// <summary>The If-Match header naming a version.</summary>
    public static (string, string) IfMatch(string versionUid) => ("If-Match", $"\"{versionUid}\"");

    public static (string, string) Prefer(string value) => ("Prefer", $"return={value}");
}
