namespace Fkj.Cdr.Cli.News2;

/// <summary>One band of a NEWS2 parameter: its score and the template's code and text for it (OBSERVATION.news2.v1).</summary>
public sealed record News2Band(int Score, string Code, string Text);

/// <summary>NEWS2 clinical risk category, with the template's code and text (items[at0056]).</summary>
public enum News2Risk
{
    Low,
    LowMedium,
    Medium,
    High,
}

/// <summary>The score of each parameter, the total and the clinical risk category.</summary>
public sealed record News2Result(
    News2Band RespirationRate,
    News2Band SpO2,
    News2Band AirOrOxygen,
    News2Band Systolic,
    News2Band Pulse,
    News2Band Consciousness,
    News2Band Temperature,
    int Total,
    News2Risk Risk)
{
    /// <summary>True when any single parameter scores 3.</summary>
    public bool AnySingleThree =>
        RespirationRate.Score == 3 || SpO2.Score == 3 || Systolic.Score == 3 || Pulse.Score == 3
        || Consciousness.Score == 3 || Temperature.Score == 3;
}

/// <summary>
/// NEWS2 (Royal College of Physicians, 2017) as tables: each parameter is a list of bands, each band
/// the highest value it covers with its score and the news2.v1 archetype's code. Scoring is a walk
/// down the table; the tables are the only place the thresholds are written.
/// </summary>
public static class News2Scorer
{
    /// <summary>A band that ends at <see cref="Max"/> (inclusive); the last band of a table ends at <see cref="int.MaxValue"/>.</summary>
    private readonly record struct Row(int Max, News2Band Band);

    private const int Open = int.MaxValue;

    private static readonly Row[] Respiration =
    [
        new(8, new(3, "at0021", "≤8")),
        new(11, new(1, "at0019", "9-11")),
        new(20, new(0, "at0018", "12-20")),
        new(24, new(2, "at0020", "21-24")),
        new(Open, new(3, "at0064", "≥25")),
    ];

    private static readonly Row[] SpO2Scale1 =
    [
        new(91, new(3, "at0033", "≤91")),
        new(93, new(2, "at0032", "92-93")),
        new(95, new(1, "at0031", "94-95")),
        new(Open, new(0, "at0030", "≥96")),
    ];

    private static readonly News2Band Scale2Target = new(0, "at0048", "88-92 eller ≥93 på luft");

    /// <summary>Scale 2 on air: at or above 88 % scores 0, however high.</summary>
    private static readonly Row[] SpO2Scale2OnAir =
    [
        new(83, new(3, "at0061", "≤83")),
        new(85, new(2, "at0050", "84-85")),
        new(87, new(1, "at0049", "86-87")),
        new(Open, Scale2Target),
    ];

    /// <summary>Scale 2 on oxygen: above the target range of 88–92 % scores again.</summary>
    private static readonly Row[] SpO2Scale2OnOxygen =
    [
        .. SpO2Scale2OnAir[..3],
        new(92, Scale2Target),
        new(94, new(1, "at0062", "93-94 med oksygen")),
        new(96, new(2, "at0063", "95-96 med oksygen")),
        new(Open, new(3, "at0051", "≥97 med oksygen")),
    ];

    private static readonly News2Band Air = new(0, "at0036", "Luft");
    private static readonly News2Band Oxygen = new(2, "at0037", "Oksygen");

    private static readonly Row[] Systolic =
    [
        new(90, new(3, "at0017", "≤90")),
        new(100, new(2, "at0016", "91-100")),
        new(110, new(1, "at0015", "101-110")),
        new(219, new(0, "at0014", "111-219")),
        new(Open, new(3, "at0067", "≥220")),
    ];

    private static readonly Row[] Pulse =
    [
        new(40, new(3, "at0010", "≤40")),
        new(50, new(1, "at0012", "41-50")),
        new(90, new(0, "at0013", "51-90")),
        new(110, new(1, "at0068", "91-110")),
        new(130, new(2, "at0011", "111-130")),
        new(Open, new(3, "at0065", "≥131")),
    ];

    private static readonly News2Band Alert = new(0, "at0024", "Våken (A)");
    private static readonly News2Band NotAlert = new(3, "at0025", "C, V, P eller U");

    /// <summary>Temperature in tenths of a degree.</summary>
    private static readonly Row[] Temperature =
    [
        new(350, new(3, "at0039", "≤35.0")),
        new(360, new(1, "at0023", "35.1-36.0")),
        new(380, new(0, "at0022", "36.1-38.0")),
        new(390, new(1, "at0066", "38.1-39.0")),
        new(Open, new(2, "at0038", "≥39.1")),
    ];

    /// <summary>The risk category's code and text in the template (items[at0056]).</summary>
    public static (string Code, string Text) RiskTerm(News2Risk risk) => risk switch
    {
        News2Risk.Low => ("at0057", "Lav"),
        News2Risk.LowMedium => ("at0058", "Lav-middels"),
        News2Risk.Medium => ("at0059", "Middels"),
        _ => ("at0060", "Høy"),
    };

    public static News2Result Score(in News2Input input)
    {
        var respiration = Lookup(Respiration, input.RespirationRate);
        var spo2 = Lookup(
            input.Scale == SpO2Scale.Scale1 ? SpO2Scale1 : input.OnOxygen ? SpO2Scale2OnOxygen : SpO2Scale2OnAir,
            input.SpO2);
        var air = input.OnOxygen ? Oxygen : Air;
        var systolic = Lookup(Systolic, input.Systolic);
        var pulse = Lookup(Pulse, input.Pulse);
        var consciousness = input.Consciousness == Acvpu.Alert ? Alert : NotAlert;
        var temperature = Lookup(Temperature, input.TemperatureTenths);
        var total = respiration.Score + spo2.Score + air.Score + systolic.Score + pulse.Score + consciousness.Score + temperature.Score;
        var result = new News2Result(respiration, spo2, air, systolic, pulse, consciousness, temperature, total, News2Risk.Low);
        return result with { Risk = Risk(total, result.AnySingleThree) };
    }

    /// <summary>7 or more high; 5–6 medium; a 3 in any single parameter low-medium; otherwise (0–4) low.</summary>
    public static News2Risk Risk(int total, bool anySingleThree) =>
        total >= 7 ? News2Risk.High
        : total >= 5 ? News2Risk.Medium
        : anySingleThree ? News2Risk.LowMedium
        : News2Risk.Low;

    private static News2Band Lookup(Row[] table, int value)
    {
        foreach (var row in table)
        {
            if (value <= row.Max) return row.Band;
        }

        throw new InvalidOperationException("a NEWS2 table must end with an open band");
    }
}
