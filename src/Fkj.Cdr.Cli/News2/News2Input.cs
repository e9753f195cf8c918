namespace Fkj.Cdr.Cli.News2;

/// <summary>Level of consciousness on the ACVPU scale.</summary>
public enum Acvpu
{
    Alert,
    /// <summary>New confusion.</summary>
    Confusion,
    Voice,
    Pain,
    Unresponsive,
}

/// <summary>The SpO₂ scale of NEWS2: scale 2 only for patients with a target saturation of 88–92 % (hypercapnic respiratory failure).</summary>
public enum SpO2Scale
{
    Scale1 = 1,
    Scale2 = 2,
}

/// <summary>The seven measurements NEWS2 is scored from.</summary>
/// <param name="RespirationRate">Breaths per minute.</param>
/// <param name="SpO2">Oxygen saturation in whole percent.</param>
/// <param name="Scale">Which SpO₂ scale applies to the patient.</param>
/// <param name="OnOxygen">True when the patient receives supplemental oxygen, false on air.</param>
/// <param name="Systolic">Systolic blood pressure, mmHg.</param>
/// <param name="Pulse">Beats per minute.</param>
/// <param name="Consciousness">ACVPU.</param>
/// <param name="TemperatureTenths">Body temperature in tenths of a degree Celsius (383 = 38.3 °C), so band edges compare exactly.</param>
public readonly record struct News2Input(
    int RespirationRate, int SpO2, SpO2Scale Scale, bool OnOxygen, int Systolic, int Pulse, Acvpu Consciousness, int TemperatureTenths);
