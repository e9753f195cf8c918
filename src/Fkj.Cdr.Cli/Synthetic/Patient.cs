using Fkj.Cdr.Cli.News2;
using Fkj.Cdr.Cli.VitalSigns;

namespace Fkj.Cdr.Cli.Synthetic;

/// <summary>
/// One synthetic patient's lasting traits: conditions, the units that care for them, their own normal
/// values (the baseline every measurement varies around), how prone they are to fall ill, and the
/// recording habits that stay the same from one measurement to the next (cuff, arm, thermometer).
/// </summary>
public sealed class Patient
{
    public required Subject Subject { get; init; }
    public required int Age { get; init; }

    /// <summary>The unit caring for the patient at the start of the timeline.</summary>
    public required CareUnit FirstUnit { get; init; }

    /// <summary>The patient's nursing home unit and home care zone, used when care moves between them.</summary>
    public required CareUnit NursingHome { get; init; }
    public required CareUnit HomeCare { get; init; }
    public required CareUnit ShortTermWard { get; init; }

    public bool Copd { get; init; }

    /// <summary>Chronic hypercapnic respiratory failure: target saturation 88–92 %, so NEWS2 SpO₂ scale 2.</summary>
    public bool Hypercapnic { get; init; }

    /// <summary>Long-term oxygen therapy at home or in the institution.</summary>
    public bool LongTermOxygen { get; init; }
    public double LongTermOxygenFlow { get; init; }
    public bool HeartFailure { get; init; }
    public bool AtrialFibrillation { get; init; }
    public bool Dementia { get; init; }

    public SpO2Scale Scale => Hypercapnic ? SpO2Scale.Scale2 : SpO2Scale.Scale1;

    // Baselines (SpO₂ on air).
    public double RespirationRate { get; init; }
    public double SpO2OnAir { get; init; }
    public double Systolic { get; init; }
    public double DiastolicRatio { get; init; }
    public double Pulse { get; init; }
    public double Temperature { get; init; }

    /// <summary>Chance per day of falling ill (an infection, an exacerbation, ...).</summary>
    public double DailyHazard { get; init; }

    // Habits.
    public required Term Cuff { get; init; }
    public required Term Arm { get; init; }
    public required Term Thermometer { get; init; }
    public required string SensorSite { get; init; }
    public bool MachineBloodPressure { get; init; }

    /// <summary>Minute of the day routine measurements are usually taken.</summary>
    public int RoutineMinute { get; init; }

    private static readonly string[] SensorSites = ["Høyre pekefinger", "Venstre pekefinger", "Høyre langfinger", "Venstre langfinger", "Øreflipp"];

    public static Patient Draw(SeededRandom r, Subject subject, DateOnly reference)
    {
        var age = subject.AgeOn(reference);
        var old = age >= 67;
        var kind = (CareKind)r.PickWeighted(old ? [0.35, 0.35, 0.15, 0.15] : [0.10, 0.45, 0.35, 0.10]);
        var nursingHome = r.Pick(Municipality.UnitsOf(CareKind.NursingHome));
        var homeCare = r.Pick(Municipality.UnitsOf(CareKind.HomeCare));
        var shortTerm = Municipality.UnitsOf(CareKind.ShortTermWard)[0];
        var first = kind switch
        {
            CareKind.NursingHome => nursingHome,
            CareKind.HomeCare => homeCare,
            CareKind.ShortTermWard => shortTerm,
            _ => Municipality.UnitsOf(CareKind.DigitalFollowUp)[0],
        };

        bool copd, heartFailure;
        if (kind == CareKind.DigitalFollowUp)
        {
            // Digital home follow-up is offered to people with chronic disease: COPD, heart failure, or both.
            copd = r.Chance(0.65);
            heartFailure = !copd || r.Chance(0.15);
        }
        else
        {
            copd = r.Chance(old ? 0.16 : 0.10);
            heartFailure = r.Chance(old ? 0.15 : 0.05);
        }

        var hypercapnic = copd && r.Chance(0.3);
        var longTermOxygen = hypercapnic && r.Chance(0.6);
        var atrialFibrillation = r.Chance(age >= 75 ? 0.22 : 0.06);
        var hypertension = r.Chance(0.45);
        var dementia = kind == CareKind.NursingHome ? r.Chance(0.6) : r.Chance(old ? 0.1 : 0.02);

        var spo2 = hypercapnic ? r.Uniform(86.5, 91.0)
            : copd ? r.Uniform(91.5, 95.5)
            : Math.Clamp(r.Normal(96.2, 1.2), 93.5, 99.0);
        if (heartFailure && !hypercapnic) spo2 -= r.Uniform(0, 1.5);

        var systolic = Math.Clamp(r.Normal(134, 14), 102, 172) + (hypertension ? r.Uniform(5, 18) : 0) - (heartFailure ? r.Uniform(0, 10) : 0);
        var pulse = Math.Clamp(r.Normal(73, 8), 54, 94) + (atrialFibrillation ? r.Uniform(0, 10) : 0);
        var respiration = r.Uniform(13.0, 18.0) + (copd ? r.Uniform(0.5, 3) : 0) + (heartFailure ? r.Uniform(0, 1.5) : 0);
        var temperature = Math.Clamp(r.Normal(36.7, 0.25), 36.1, 37.3) - (age >= 85 ? 0.1 : 0);

        var hazard = 1.0 / 140;
        if (age >= 85) hazard *= 1.4;
        if (copd) hazard *= 1.8;
        if (heartFailure) hazard *= 1.5;
        if (dementia) hazard *= 1.2;
        hazard *= r.Uniform(0.6, 1.5);

        var machine = kind == CareKind.DigitalFollowUp || r.Chance(0.7);
        var routineMinute = kind switch
        {
            CareKind.NursingHome => r.Next(8 * 60 + 30, 11 * 60 + 30),
            CareKind.HomeCare => r.Next(8 * 60, 15 * 60),
            CareKind.DigitalFollowUp => r.Next(7 * 60, 10 * 60),
            _ => r.Next(7 * 60 + 30, 9 * 60 + 30),
        };

        return new Patient
        {
            Subject = subject,
            Age = age,
            FirstUnit = first,
            NursingHome = nursingHome,
            HomeCare = homeCare,
            ShortTermWard = shortTerm,
            Copd = copd,
            Hypercapnic = hypercapnic,
            LongTermOxygen = longTermOxygen,
            LongTermOxygenFlow = longTermOxygen ? r.Pick([0.5, 1.0, 1.0, 1.5, 2.0]) : 0,
            HeartFailure = heartFailure,
            AtrialFibrillation = atrialFibrillation,
            Dementia = dementia,
            RespirationRate = respiration,
            SpO2OnAir = spo2,
            Systolic = systolic,
            DiastolicRatio = r.Uniform(0.52, 0.64),
            Pulse = pulse,
            Temperature = temperature,
            DailyHazard = hazard,
            Cuff = r.PickWeighted([0.75, 0.15, 0.10]) switch
            {
                0 => Terms.BloodPressure.CuffAdult,
                1 => Terms.BloodPressure.CuffLargeAdult,
                _ => Terms.BloodPressure.CuffSmallAdult,
            },
            Arm = kind == CareKind.DigitalFollowUp && r.Chance(0.3) ? Terms.BloodPressure.LeftWrist
                : r.Chance(0.6) ? Terms.BloodPressure.RightArm : Terms.BloodPressure.LeftArm,
            Thermometer = r.PickWeighted([0.72, 0.14, 0.09, 0.05]) switch
            {
                0 => Terms.Temperature.EarCanal,
                1 => Terms.Temperature.Axilla,
                2 => Terms.Temperature.Forehead,
                _ => Terms.Temperature.Mouth,
            },
            SensorSite = r.Pick(SensorSites),
            MachineBloodPressure = machine,
            RoutineMinute = routineMinute,
        };
    }
}
