using System.Text.Json;
using Fkj.Cdr.Cli.Tests.Generate;
using Fkj.Cdr.Cli.Tests.Support;
using static Fkj.Cdr.Cli.Tests.Support.CompositionJson;

namespace Fkj.Cdr.Cli.Tests.News2;

/// <summary>
/// For every generated composition, every NEWS2 sub-score, the total and the risk category are computed
/// again from the measurements in the composition itself, by <see cref="News2Oracle"/>, and must equal
/// what the composition records.
/// </summary>
[Collection(GeneratedPopulationCollection.Name)]
public class News2OracleTests(GeneratedPopulation population)
{
    private const string Respiration = "openEHR-EHR-OBSERVATION.respiration.v2";
    private const string Oximetry = "openEHR-EHR-OBSERVATION.pulse_oximetry.v1";
    private const string BloodPressure = "openEHR-EHR-OBSERVATION.blood_pressure.v2";
    private const string Pulse = "openEHR-EHR-OBSERVATION.pulse.v2";
    private const string Acvpu = "openEHR-EHR-OBSERVATION.acvpu.v1";
    private const string Temperature = "openEHR-EHR-OBSERVATION.body_temperature.v2";
    private const string News2 = "openEHR-EHR-OBSERVATION.news2.v1";

    private static readonly Dictionary<string, char> AcvpuCodes = new()
    {
        ["at0005"] = 'A', ["at0015"] = 'C', ["at0006"] = 'V', ["at0007"] = 'P', ["at0008"] = 'U',
    };

    private static readonly Dictionary<string, string> RiskCodes = new()
    {
        ["at0057"] = "low", ["at0058"] = "low-medium", ["at0059"] = "medium", ["at0060"] = "high",
    };

    [Fact]
    public void Every_score_equals_the_score_computed_independently_from_the_measurements()
    {
        var totals = new HashSet<int>();
        foreach (var (n, k, file) in population.Compositions())
            totals.Add(Check(CompositionJson.Parse(File.ReadAllBytes(file)), $"composition {n}/{k}"));

        Assert.Contains(0, totals);
        Assert.Contains(totals, t => t >= 7); // the population has ill patients, not only healthy ones
    }

    /// <summary>Recomputes the NEWS2 of one composition from its measurements and compares; returns the total.</summary>
    public static int Check(CompositionJson c, string where)
    {
        // The measurements.
        var rate = Magnitude(Required(c.EventItems(Respiration), "at0004"));
        var oximetry = c.Event(Oximetry);
        var spo2 = Required(oximetry.GetProperty("data").GetProperty("items"), "at0006");
        Assert.Equal(100, spo2.GetProperty("denominator").GetDouble());
        var saturation = Whole(spo2.GetProperty("numerator").GetDouble());
        var cluster = oximetry.GetProperty("state").GetProperty("items")[0];
        Assert.Equal("openEHR-EHR-CLUSTER.inspired_oxygen.v1", cluster.GetProperty("archetype_node_id").GetString());
        var onAir = Required(cluster.GetProperty("items"), "at0057").GetProperty("value").GetBoolean();
        var systolic = Magnitude(Required(c.EventItems(BloodPressure), "at0004"));
        var pulse = Magnitude(Required(c.EventItems(Pulse), "at0004"));
        var acvpu = AcvpuCodes[Required(c.EventItems(Acvpu), "at0004").GetProperty("defining_code").GetProperty("code_string").GetString()!];
        var celsius = Required(c.EventItems(Temperature), "at0004").GetProperty("magnitude").GetDouble();

        // What the composition records as NEWS2.
        var news2 = c.EventItems(News2);
        var scale1 = Value(news2, "at0029");
        var scale2 = Value(news2, "at0047");
        Assert.True(scale1 is null != scale2 is null, $"{where}: exactly one of SpO2 scale 1 and scale 2 must be recorded");

        var expected = new List<(string Node, (int Score, string Band) Oracle)>
        {
            ("at0006", News2Oracle.RespirationRate(rate)),
            scale1 is not null ? ("at0029", News2Oracle.SpO2Scale1(saturation)) : ("at0047", News2Oracle.SpO2Scale2(saturation, onAir)),
            ("at0034", News2Oracle.AirOrOxygen(onAir)),
            ("at0004", News2Oracle.Systolic(systolic)),
            ("at0005", News2Oracle.Pulse(pulse)),
            ("at0008", News2Oracle.Consciousness(acvpu)),
            ("at0007", News2Oracle.Temperature(celsius)),
        };

        var total = 0;
        var anyThree = false;
        foreach (var (node, oracle) in expected)
        {
            var ordinal = Required(news2, node);
            Assert.True(oracle.Score == ordinal.GetProperty("value").GetInt32(),
                $"{where}: {node} records {ordinal.GetProperty("value").GetInt32()}, the table gives {oracle.Score} ({oracle.Band})");
            Assert.Equal(oracle.Band, ordinal.GetProperty("symbol").GetProperty("value").GetString());
            total += oracle.Score;
            anyThree |= oracle.Score == 3;
        }

        Assert.True(total == Required(news2, "at0028").GetProperty("magnitude").GetInt32(), $"{where}: total");
        if (Value(news2, "at0056") is { } risk)
            Assert.Equal(News2Oracle.Risk(total, anyThree), RiskCodes[risk.GetProperty("defining_code").GetProperty("code_string").GetString()!]);
        return total;
    }

    private static int Magnitude(JsonElement quantity) => Whole(quantity.GetProperty("magnitude").GetDouble());

    private static int Whole(double value)
    {
        Assert.Equal(Math.Floor(value), value);
        return (int)value;
    }
}
