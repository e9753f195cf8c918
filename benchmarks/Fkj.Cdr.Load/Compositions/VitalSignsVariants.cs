using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fkj.Cdr.Load.Compositions;

/// <summary>
/// Realistic variations of the vital-signs composition (template fkj.vital_signs_news2.v1), made before a
/// run so that building them costs the measurement nothing. Each variant is a new composition: no
/// <c>uid</c> (the server assigns one), every date-time shifted by the same random amount within the
/// year before the original, new feeder message ids, and new measurements that stay in the NEWS2 bands
/// of the original (systolic 101–110, pulse 91–110, respiration 21–24, SpO₂ 94–95 % on air,
/// temperature 38.1–39.0 °C), so the recorded sub-scores and the total of 6 stay right and every
/// variant still validates against the template. The same seed gives the same variants.
/// </summary>
public static class VitalSignsVariants
{
    public const string BloodPressure = "openEHR-EHR-OBSERVATION.blood_pressure.v2";
    public const string Pulse = "openEHR-EHR-OBSERVATION.pulse.v2";
    public const string Respiration = "openEHR-EHR-OBSERVATION.respiration.v2";
    public const string PulseOximetry = "openEHR-EHR-OBSERVATION.pulse_oximetry.v1";
    public const string BodyTemperature = "openEHR-EHR-OBSERVATION.body_temperature.v2";

    private static readonly JsonSerializerOptions Compact = new()
    {
        WriteIndented = false,
        // Norwegian letters as UTF-8, as a vendor's client would send them, not as \u escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The vital-signs composition shipped beside the harness.</summary>
    public static string DefaultSourcePath => Path.Combine(AppContext.BaseDirectory, "Data", "vital-signs.json");

    /// <summary>Generates <paramref name="count"/> variants of the composition in <paramref name="source"/>.</summary>
    public static IReadOnlyList<CompositionBody> Generate(byte[] source, int count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var original = JsonNode.Parse(source) as JsonObject
            ?? throw new InvalidDataException("The composition is not a JSON object.");
        original.Remove("uid");
        // Checks the places the variation writes to once, so a changed input file fails here, clearly.
        _ = Locate(original);

        var random = new Random(seed);
        var variants = new CompositionBody[count];
        for (var n = 0; n < count; n++)
        {
            var composition = (JsonObject)original.DeepClone();
            Vary(composition, random);
            var utf8 = JsonSerializer.SerializeToUtf8Bytes(composition, Compact);
            variants[n] = new CompositionBody(utf8, System.Text.Encoding.UTF8.GetString(utf8));
        }
        return variants;
    }

    private static void Vary(JsonObject composition, Random random)
    {
        var at = Locate(composition);
        var systolic = random.Next(101, 111);
        var diastolic = random.Next(58, 81);
        at.Systolic["magnitude"] = systolic;
        at.Diastolic["magnitude"] = diastolic;
        at.MeanArterial["magnitude"] = (int)Math.Round((systolic + 2.0 * diastolic) / 3.0, MidpointRounding.AwayFromZero);
        at.PulseRate["magnitude"] = random.Next(91, 111);
        at.RespirationRate["magnitude"] = random.Next(21, 25);
        at.SpO2["numerator"] = (double)random.Next(94, 96);
        at.Temperature["magnitude"] = random.Next(381, 391) / 10.0;

        // The same shift for every date-time keeps the record's internal order (start, events, audit, end).
        var shift = TimeSpan.FromMinutes(-random.Next(0, 365 * 24 * 60));
        ShiftDateTimes(composition, shift);

        if (composition["feeder_audit"] is JsonObject feeder)
        {
            if (feeder["feeder_system_item_ids"] is JsonArray { Count: > 0 } feederIds && feederIds[0] is JsonObject message)
            {
                var bytes = new byte[16];
                random.NextBytes(bytes);
                bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4
                bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
                message["id"] = new Guid(bytes).ToString();
            }
            if (feeder["originating_system_item_ids"] is JsonArray { Count: > 0 } originIds && originIds[0] is JsonObject measurement
                && at.FirstEventTime?.Add(shift) is { } eventTime)
            {
                measurement["id"] = string.Create(CultureInfo.InvariantCulture,
                    $"MAL-{eventTime:yyyy-MMdd-HHmm}-{random.Next(1000, 10000)}");
            }
        }
    }

    /// <summary>Adds <paramref name="shift"/> to every DV_DATE_TIME value below <paramref name="node"/>.</summary>
    private static void ShiftDateTimes(JsonNode? node, TimeSpan shift)
    {
        switch (node)
        {
            case JsonObject obj:
                if ((string?)obj["_type"] == "DV_DATE_TIME" && obj["value"] is JsonValue value && value.TryGetValue<string>(out var text))
                {
                    var instant = DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.None);
                    obj["value"] = instant.Add(shift).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
                    return;
                }
                foreach (var (_, child) in obj.ToList())
                {
                    ShiftDateTimes(child, shift);
                }
                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    ShiftDateTimes(child, shift);
                }
                break;
        }
    }

    private static Places Locate(JsonObject composition)
    {
        var content = composition["content"] as JsonArray
            ?? throw new InvalidDataException("The composition has no content list.");
        JsonObject Value(string observation, string element)
        {
            var obs = content.OfType<JsonObject>().FirstOrDefault(o => (string?)o["archetype_node_id"] == observation)
                ?? throw new InvalidDataException($"The composition has no {observation}.");
            var items = obs["data"]?["events"]?[0]?["data"]?["items"] as JsonArray
                ?? throw new InvalidDataException($"{observation} has no data/events[0]/data/items.");
            var item = items.OfType<JsonObject>().FirstOrDefault(i => (string?)i["archetype_node_id"] == element)
                ?? throw new InvalidDataException($"{observation} has no element {element}.");
            return item["value"] as JsonObject ?? throw new InvalidDataException($"{observation}/{element} has no value.");
        }
        var places = new Places(
            Value(BloodPressure, "at0004"),
            Value(BloodPressure, "at0005"),
            Value(BloodPressure, "at1006"),
            Value(Pulse, "at0004"),
            Value(Respiration, "at0004"),
            Value(PulseOximetry, "at0006"),
            Value(BodyTemperature, "at0004"),
            null);
        var firstEvent = (content[0]?["data"]?["events"]?[0]?["time"]?["value"] as JsonValue)?.GetValue<string>();
        return firstEvent is null ? places : places with { FirstEventTime = DateTimeOffset.Parse(firstEvent, CultureInfo.InvariantCulture) };
    }

    private sealed record Places(
        JsonObject Systolic,
        JsonObject Diastolic,
        JsonObject MeanArterial,
        JsonObject PulseRate,
        JsonObject RespirationRate,
        JsonObject SpO2,
        JsonObject Temperature,
        DateTimeOffset? FirstEventTime);
}
