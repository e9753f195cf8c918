using Fkj.Cdr.Cli.News2;

namespace Fkj.Cdr.Cli.Tests.News2;

/// <summary>
/// Every band edge of NEWS2, with the expected score read off the table by hand (see
/// <see cref="News2Oracle"/> for the table), checked against both the generator's table-driven
/// <see cref="News2Scorer"/> and the tests' own <see cref="News2Oracle"/>.
/// </summary>
public class News2BandEdgeTests
{
    /// <summary>Scores 0 on every parameter: RR 16, SpO2 97 % (scale 1) on air, BP 130, pulse 70, alert, 37.0 °C.</summary>
    private static readonly News2Input Neutral = new(16, 97, SpO2Scale.Scale1, false, 130, 70, Acvpu.Alert, 370);

    [Fact]
    public void The_neutral_input_scores_zero_and_low()
    {
        var result = News2Scorer.Score(Neutral);
        Assert.Equal(0, result.Total);
        Assert.Equal(News2Risk.Low, result.Risk);
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(8, 3)] // ≤8
    [InlineData(9, 1)] // 9–11
    [InlineData(11, 1)]
    [InlineData(12, 0)] // 12–20
    [InlineData(20, 0)]
    [InlineData(21, 2)] // 21–24
    [InlineData(24, 2)]
    [InlineData(25, 3)] // ≥25
    [InlineData(60, 3)]
    public void Respiration_rate(int rate, int expected)
    {
        var result = News2Scorer.Score(Neutral with { RespirationRate = rate });
        Assert.Equal(expected, result.RespirationRate.Score);
        Assert.Equal(expected, result.Total);
        Assert.Equal(expected, News2Oracle.RespirationRate(rate).Score);
        Assert.Equal(News2Oracle.RespirationRate(rate).Band, result.RespirationRate.Text);
    }

    [Theory]
    [InlineData(80, 3)]
    [InlineData(91, 3)] // ≤91
    [InlineData(92, 2)] // 92–93
    [InlineData(93, 2)]
    [InlineData(94, 1)] // 94–95
    [InlineData(95, 1)]
    [InlineData(96, 0)] // ≥96
    [InlineData(100, 0)]
    public void SpO2_scale_1(int saturation, int expected)
    {
        var result = News2Scorer.Score(Neutral with { SpO2 = saturation });
        Assert.Equal(expected, result.SpO2.Score);
        Assert.Equal(expected, result.Total);
        Assert.Equal(expected, News2Oracle.SpO2Scale1(saturation).Score);
        Assert.Equal(News2Oracle.SpO2Scale1(saturation).Band, result.SpO2.Text);
    }

    /// <summary>On air, scale 2 scores 0 from 88 % up, however high: "88–92, or ≥93 on air".</summary>
    [Theory]
    [InlineData(75, 3)]
    [InlineData(83, 3)] // ≤83
    [InlineData(84, 2)] // 84–85
    [InlineData(85, 2)]
    [InlineData(86, 1)] // 86–87
    [InlineData(87, 1)]
    [InlineData(88, 0)] // 88–92
    [InlineData(92, 0)]
    [InlineData(93, 0)] // ≥93 on air
    [InlineData(94, 0)]
    [InlineData(96, 0)]
    [InlineData(97, 0)]
    [InlineData(100, 0)]
    public void SpO2_scale_2_on_air(int saturation, int expected)
    {
        var result = News2Scorer.Score(Neutral with { SpO2 = saturation, Scale = SpO2Scale.Scale2, OnOxygen = false });
        Assert.Equal(expected, result.SpO2.Score);
        Assert.Equal(0, result.AirOrOxygen.Score);
        Assert.Equal(expected, result.Total);
        Assert.Equal(expected, News2Oracle.SpO2Scale2(saturation, onAir: true).Score);
        Assert.Equal(News2Oracle.SpO2Scale2(saturation, onAir: true).Band, result.SpO2.Text);
    }

    /// <summary>On oxygen, scale 2 scores again above the target range: 93–94 → 1, 95–96 → 2, ≥97 → 3; plus 2 for the oxygen.</summary>
    [Theory]
    [InlineData(75, 3)]
    [InlineData(83, 3)]
    [InlineData(84, 2)]
    [InlineData(85, 2)]
    [InlineData(86, 1)]
    [InlineData(87, 1)]
    [InlineData(88, 0)]
    [InlineData(92, 0)]
    [InlineData(93, 1)] // 93–94 on oxygen
    [InlineData(94, 1)]
    [InlineData(95, 2)] // 95–96 on oxygen
    [InlineData(96, 2)]
    [InlineData(97, 3)] // ≥97 on oxygen
    [InlineData(100, 3)]
    public void SpO2_scale_2_on_oxygen(int saturation, int expected)
    {
        var result = News2Scorer.Score(Neutral with { SpO2 = saturation, Scale = SpO2Scale.Scale2, OnOxygen = true });
        Assert.Equal(expected, result.SpO2.Score);
        Assert.Equal(2, result.AirOrOxygen.Score);
        Assert.Equal(expected + 2, result.Total);
        Assert.Equal(expected, News2Oracle.SpO2Scale2(saturation, onAir: false).Score);
        Assert.Equal(News2Oracle.SpO2Scale2(saturation, onAir: false).Band, result.SpO2.Text);
    }

    /// <summary>Scale 1 on oxygen: the saturation scores as on scale 1, and the oxygen adds 2.</summary>
    [Theory]
    [InlineData(96, 2)]
    [InlineData(94, 3)]
    [InlineData(91, 5)]
    public void Air_or_oxygen(int saturation, int expectedTotal)
    {
        var air = News2Scorer.Score(Neutral with { SpO2 = saturation });
        var oxygen = News2Scorer.Score(Neutral with { SpO2 = saturation, OnOxygen = true });
        Assert.Equal(0, air.AirOrOxygen.Score);
        Assert.Equal(2, oxygen.AirOrOxygen.Score);
        Assert.Equal("Luft", air.AirOrOxygen.Text);
        Assert.Equal("Oksygen", oxygen.AirOrOxygen.Text);
        Assert.Equal(expectedTotal, oxygen.Total);
        Assert.Equal((0, "Luft"), News2Oracle.AirOrOxygen(onAir: true));
        Assert.Equal((2, "Oksygen"), News2Oracle.AirOrOxygen(onAir: false));
    }

    [Theory]
    [InlineData(60, 3)]
    [InlineData(90, 3)] // ≤90
    [InlineData(91, 2)] // 91–100
    [InlineData(100, 2)]
    [InlineData(101, 1)] // 101–110
    [InlineData(110, 1)]
    [InlineData(111, 0)] // 111–219
    [InlineData(219, 0)]
    [InlineData(220, 3)] // ≥220
    [InlineData(250, 3)]
    public void Systolic_blood_pressure(int pressure, int expected)
    {
        var result = News2Scorer.Score(Neutral with { Systolic = pressure });
        Assert.Equal(expected, result.Systolic.Score);
        Assert.Equal(expected, result.Total);
        Assert.Equal(expected, News2Oracle.Systolic(pressure).Score);
        Assert.Equal(News2Oracle.Systolic(pressure).Band, result.Systolic.Text);
    }

    [Theory]
    [InlineData(30, 3)]
    [InlineData(40, 3)] // ≤40
    [InlineData(41, 1)] // 41–50
    [InlineData(50, 1)]
    [InlineData(51, 0)] // 51–90
    [InlineData(90, 0)]
    [InlineData(91, 1)] // 91–110
    [InlineData(110, 1)]
    [InlineData(111, 2)] // 111–130
    [InlineData(130, 2)]
    [InlineData(131, 3)] // ≥131
    [InlineData(180, 3)]
    public void Pulse(int rate, int expected)
    {
        var result = News2Scorer.Score(Neutral with { Pulse = rate });
        Assert.Equal(expected, result.Pulse.Score);
        Assert.Equal(expected, result.Total);
        Assert.Equal(expected, News2Oracle.Pulse(rate).Score);
        Assert.Equal(News2Oracle.Pulse(rate).Band, result.Pulse.Text);
    }

    [Theory]
    [InlineData(340, 3)]
    [InlineData(350, 3)] // ≤35.0
    [InlineData(351, 1)] // 35.1–36.0
    [InlineData(360, 1)]
    [InlineData(361, 0)] // 36.1–38.0
    [InlineData(380, 0)]
    [InlineData(381, 1)] // 38.1–39.0
    [InlineData(390, 1)]
    [InlineData(391, 2)] // ≥39.1
    [InlineData(415, 2)]
    public void Temperature(int tenths, int expected)
    {
        var result = News2Scorer.Score(Neutral with { TemperatureTenths = tenths });
        Assert.Equal(expected, result.Temperature.Score);
        Assert.Equal(expected, result.Total);
        var celsius = tenths / 10.0; // as the composition holds it: a double with one decimal
        Assert.Equal(expected, News2Oracle.Temperature(celsius).Score);
        Assert.Equal(News2Oracle.Temperature(celsius).Band, result.Temperature.Text);
    }

    [Theory]
    [InlineData(Acvpu.Alert, 'A', 0)]
    [InlineData(Acvpu.Confusion, 'C', 3)] // new confusion counts as not alert
    [InlineData(Acvpu.Voice, 'V', 3)]
    [InlineData(Acvpu.Pain, 'P', 3)]
    [InlineData(Acvpu.Unresponsive, 'U', 3)]
    public void Consciousness(Acvpu level, char letter, int expected)
    {
        var result = News2Scorer.Score(Neutral with { Consciousness = level });
        Assert.Equal(expected, result.Consciousness.Score);
        Assert.Equal(expected, result.Total);
        Assert.Equal(expected, News2Oracle.Consciousness(letter).Score);
        Assert.Equal(News2Oracle.Consciousness(letter).Band, result.Consciousness.Text);
    }

    /// <summary>
    /// Risk: 0–4 low, unless a single parameter scores 3 (low-medium); 5–6 medium even with a 3; 7+ high.
    /// Inputs: pulse 95 scores 1, pulse 115 scores 2, RR 22 scores 2, RR 25 scores 3, BP 105 scores 1.
    /// </summary>
    [Theory]
    [InlineData(16, 70, 130, 0, "low")] // all 0
    [InlineData(22, 115, 130, 4, "low")] // 2 + 2
    [InlineData(25, 70, 130, 3, "low-medium")] // a single 3
    [InlineData(25, 95, 130, 4, "low-medium")] // 3 + 1
    [InlineData(22, 115, 105, 5, "medium")] // 2 + 2 + 1
    [InlineData(25, 115, 130, 5, "medium")] // 3 + 2: medium wins over low-medium
    [InlineData(25, 115, 105, 6, "medium")] // 3 + 2 + 1
    [InlineData(25, 115, 100, 7, "high")] // 3 + 2 + 2
    public void Risk_category(int respiration, int pulse, int systolic, int total, string risk)
    {
        var result = News2Scorer.Score(Neutral with { RespirationRate = respiration, Pulse = pulse, Systolic = systolic });
        Assert.Equal(total, result.Total);
        Assert.Equal(risk, result.Risk switch
        {
            News2Risk.Low => "low",
            News2Risk.LowMedium => "low-medium",
            News2Risk.Medium => "medium",
            _ => "high",
        });
        Assert.Equal(risk, News2Oracle.Risk(total, respiration >= 25));
    }

    [Fact]
    public void The_benchmark_composition_scores_6_medium()
    {
        // benchmarks/Fkj.Cdr.Benchmarks/Data/vital-signs.json: RR 22 (2), SpO2 95 % scale 1 (1), air (0), BP 105 (1), pulse 96 (1), alert (0), 38.3 °C (1).
        var result = News2Scorer.Score(new News2Input(22, 95, SpO2Scale.Scale1, false, 105, 96, Acvpu.Alert, 383));
        Assert.Equal(6, result.Total);
        Assert.Equal(News2Risk.Medium, result.Risk);
    }

    [Fact]
    public void Every_parameter_at_its_worst_scores_20()
    {
        // RR 30 (3), SpO2 85 % scale 1 (3), oxygen (2), BP 85 (3), pulse 140 (3), unresponsive (3), 34.8 °C (3) = 20.
        var result = News2Scorer.Score(new News2Input(30, 85, SpO2Scale.Scale1, true, 85, 140, Acvpu.Unresponsive, 348));
        Assert.Equal(20, result.Total);
        Assert.Equal(News2Risk.High, result.Risk);
    }
}
