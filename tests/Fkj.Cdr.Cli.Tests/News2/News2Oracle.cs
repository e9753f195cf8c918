namespace Fkj.Cdr.Cli.Tests.News2;

/// <summary>
/// A second NEWS2 implementation, written for the tests straight from the table in the project's domain
/// notes (Royal College of Physicians, NEWS2, 2017), and deliberately not like the generator's scorer:
/// every band is a closed range with both ends written out, and a value that falls in no band (a gap
/// in the table) throws. Each function gives the score and the band's name as the template names it.
/// <code>
/// parameter              | 3                     | 2       | 1                | 0                      | 1                | 2                | 3
/// respiration rate /min  | ≤8                    |         | 9–11             | 12–20                  |                  | 21–24            | ≥25
/// SpO2 scale 1 %         | ≤91                   | 92–93   | 94–95            | ≥96                    |                  |                  |
/// SpO2 scale 2 %         | ≤83                   | 84–85   | 86–87            | 88–92, or ≥93 on air   | 93–94 on oxygen  | 95–96 on oxygen  | ≥97 on oxygen
/// air or oxygen          |                       | oxygen  |                  | air                    |                  |                  |
/// systolic BP mmHg       | ≤90                   | 91–100  | 101–110          | 111–219                |                  |                  | ≥220
/// pulse /min             | ≤40                   |         | 41–50            | 51–90                  | 91–110           | 111–130          | ≥131
/// consciousness          | new confusion, V, P, U|         |                  | alert                  |                  |                  |
/// temperature °C         | ≤35.0                 |         | 35.1–36.0        | 36.1–38.0              | 38.1–39.0        | ≥39.1            |
/// </code>
/// Clinical risk: total 0–4 low; a 3 in any single parameter low-medium; 5–6 medium; 7 or more high.
/// </summary>
public static class News2Oracle
{
    public static (int Score, string Band) RespirationRate(int rate)
    {
        if (rate <= 8) return (3, "≤8");
        if (rate >= 9 && rate <= 11) return (1, "9-11");
        if (rate >= 12 && rate <= 20) return (0, "12-20");
        if (rate >= 21 && rate <= 24) return (2, "21-24");
        if (rate >= 25) return (3, "≥25");
        throw new InvalidOperationException($"respiration rate {rate} is in no band");
    }

    public static (int Score, string Band) SpO2Scale1(int saturation)
    {
        if (saturation <= 91) return (3, "≤91");
        if (saturation >= 92 && saturation <= 93) return (2, "92-93");
        if (saturation >= 94 && saturation <= 95) return (1, "94-95");
        if (saturation >= 96) return (0, "≥96");
        throw new InvalidOperationException($"SpO2 {saturation} is in no band");
    }

    public static (int Score, string Band) SpO2Scale2(int saturation, bool onAir)
    {
        if (saturation <= 83) return (3, "≤83");
        if (saturation >= 84 && saturation <= 85) return (2, "84-85");
        if (saturation >= 86 && saturation <= 87) return (1, "86-87");
        if (saturation >= 88 && saturation <= 92) return (0, "88-92 eller ≥93 på luft");
        if (saturation >= 93 && onAir) return (0, "88-92 eller ≥93 på luft");
        if (saturation >= 93 && saturation <= 94 && !onAir) return (1, "93-94 med oksygen");
        if (saturation >= 95 && saturation <= 96 && !onAir) return (2, "95-96 med oksygen");
        if (saturation >= 97 && !onAir) return (3, "≥97 med oksygen");
        throw new InvalidOperationException($"SpO2 {saturation} is in no band");
    }

    public static (int Score, string Band) AirOrOxygen(bool onAir) => onAir ? (0, "Luft") : (2, "Oksygen");

    public static (int Score, string Band) Systolic(int pressure)
    {
        if (pressure <= 90) return (3, "≤90");
        if (pressure >= 91 && pressure <= 100) return (2, "91-100");
        if (pressure >= 101 && pressure <= 110) return (1, "101-110");
        if (pressure >= 111 && pressure <= 219) return (0, "111-219");
        if (pressure >= 220) return (3, "≥220");
        throw new InvalidOperationException($"systolic {pressure} is in no band");
    }

    public static (int Score, string Band) Pulse(int rate)
    {
        if (rate <= 40) return (3, "≤40");
        if (rate >= 41 && rate <= 50) return (1, "41-50");
        if (rate >= 51 && rate <= 90) return (0, "51-90");
        if (rate >= 91 && rate <= 110) return (1, "91-110");
        if (rate >= 111 && rate <= 130) return (2, "111-130");
        if (rate >= 131) return (3, "≥131");
        throw new InvalidOperationException($"pulse {rate} is in no band");
    }

    /// <param name="acvpu">A, C, V, P or U.</param>
    public static (int Score, string Band) Consciousness(char acvpu) => acvpu switch
    {
        'A' => (0, "Våken (A)"),
        'C' or 'V' or 'P' or 'U' => (3, "C, V, P eller U"),
        _ => throw new InvalidOperationException($"'{acvpu}' is not on the ACVPU scale"),
    };

    /// <summary>Temperatures are recorded to one decimal, so the bands' ends are exact.</summary>
    public static (int Score, string Band) Temperature(double celsius)
    {
        if (celsius <= 35.0) return (3, "≤35.0");
        if (celsius >= 35.1 && celsius <= 36.0) return (1, "35.1-36.0");
        if (celsius >= 36.1 && celsius <= 38.0) return (0, "36.1-38.0");
        if (celsius >= 38.1 && celsius <= 39.0) return (1, "38.1-39.0");
        if (celsius >= 39.1) return (2, "≥39.1");
        throw new InvalidOperationException($"temperature {celsius} is in no band");
    }

    /// <summary>low, low-medium, medium or high.</summary>
    public static string Risk(int total, bool anySingleParameterThree)
    {
        if (total >= 7) return "high";
        if (total >= 5 && total <= 6) return "medium";
        if (anySingleParameterThree) return "low-medium";
        if (total >= 0 && total <= 4) return "low";
        throw new InvalidOperationException($"total {total} is in no risk category");
    }
}
