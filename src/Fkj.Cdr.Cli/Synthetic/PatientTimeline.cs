using Fkj.Cdr.Cli.News2;
using Fkj.Cdr.Cli.VitalSigns;

namespace Fkj.Cdr.Cli.Synthetic;

/// <summary>
/// A patient's measurement occasions over time. Routine measurements follow the unit's cadence (weekly
/// in a nursing home, at home visits, daily in digital home follow-up and on the short-term ward).
/// Now and then the patient falls ill: the vital signs drift towards the episode's pattern over a few
/// days and back, and staff measure more often the worse the NEWS2 score (hours apart when high); a high
/// score may end in a hospital stay, a gap after which the patient returns recovering, sometimes to the
/// short-term ward first. Times are minutes of the patient's own clock until the end, when the whole
/// timeline is moved by whole days so that it ends shortly before the reference date.
/// </summary>
public sealed class PatientTimeline
{
    private const double Day = 1440;
    private const double Hour = 60;

    private readonly SeededRandom r;
    private readonly Patient p;

    private CareUnit unit;
    private double unitUntil = double.PositiveInfinity;
    private CareUnit? unitAfter;
    private double routineDays;
    private Episode? episode;
    private double nextOnset;

    private PatientTimeline(SeededRandom random, Patient patient)
    {
        r = random;
        p = patient;
        unit = patient.FirstUnit;
    }

    /// <summary>What one occasion measured, before its clock time is fixed.</summary>
    private readonly record struct Slot(double Minute, CareUnit Unit, double Intensity, Episode? Episode, News2Input Input, News2Result Score, double Flow);

    /// <summary><paramref name="count"/> occasions in time order, the last within a few days before <paramref name="end"/>.</summary>
    public static List<VitalSignsOccasion> Generate(SeededRandom random, Patient patient, int count, DateOnly end) =>
        new PatientTimeline(random, patient).Run(count, end);

    private List<VitalSignsOccasion> Run(int count, DateOnly end)
    {
        var slots = new List<Slot>(count);
        EnterUnit(unit, 0);
        if (unit.Kind == CareKind.ShortTermWard) LeaveAfter(r.Uniform(14, 42) * Day, r.Chance(0.7) ? p.HomeCare : p.NursingHome);
        var t = p.RoutineMinute + r.Normal(0, 15);
        nextOnset = DrawOnset(t);

        for (var i = 0; i < count; i++)
        {
            if (t >= unitUntil && unitAfter is not null) EnterUnit(unitAfter, t);
            var slot = Measure(t);
            slots.Add(slot);
            t = Next(t, slot);
        }

        return Finish(slots, end);
    }

    // ------------------------------------------------------------------ scheduling

    private void EnterUnit(CareUnit next, double at)
    {
        unit = next;
        unitUntil = double.PositiveInfinity;
        unitAfter = null;
        routineDays = next.Kind switch
        {
            CareKind.NursingHome => r.Chance(0.7) ? 7 : 14,
            CareKind.HomeCare => r.PickWeighted([0.5, 0.3, 0.2]) switch { 0 => 7, 1 => 3.5, _ => 14 },
            CareKind.DigitalFollowUp => 1,
            _ => r.Chance(0.6) ? 1 : 2.5,
        };
    }

    private void LeaveAfter(double at, CareUnit next)
    {
        unitUntil = at;
        unitAfter = next;
    }

    private double Next(double t, Slot slot)
    {
        if (episode is not null)
        {
            var score = slot.Score;
            var admit = score.Total >= 7 ? r.Chance(unit.Kind == CareKind.NursingHome ? 0.45 : 0.6)
                : score.Total >= 5 && r.Chance(0.08);
            if (admit)
            {
                var back = Math.Floor(t / Day + r.Uniform(3, 12)) * Day + r.Uniform(11 * Hour, 17 * Hour);
                episode.AfterHospital(r, back);
                if (unit.Kind == CareKind.HomeCare && r.Chance(0.4))
                {
                    EnterUnit(p.ShortTermWard, back);
                    LeaveAfter(back + r.Uniform(10, 30) * Day, p.HomeCare);
                }

                return back + r.Uniform(30, 120);
            }

            // Barely ill: no extra measurements while recovering, a daily look while still getting worse.
            double next;
            if (slot.Intensity >= 0.12) next = t + IntervalHours(score, unit.Kind) * r.Uniform(0.8, 1.25) * Hour;
            else if (t < episode.Peak) next = t + r.Uniform(20, 28) * Hour;
            else next = NextRoutine(t);
            if (next < episode.End) return next;

            var over = episode.End;
            episode = null;
            nextOnset = DrawOnset(Math.Max(over, t));
            return Math.Max(NextRoutine(t), t + Hour);
        }

        var routine = NextRoutine(t);
        if (nextOnset >= routine) return routine;

        episode = Episode.Draw(r, p, nextOnset);
        // When staff notice: soon in an institution, at the next visit or call at home; digital follow-up measures daily anyway.
        var noticed = unit.Kind switch
        {
            CareKind.NursingHome or CareKind.ShortTermWard => nextOnset + r.Uniform(4, 16) * Hour,
            CareKind.HomeCare => nextOnset + r.Uniform(12, 48) * Hour,
            _ => routine,
        };
        return Math.Max(Math.Min(routine, noticed), t + Hour);
    }

    /// <summary>How many hours until the next measurement while ill: the worse the score, the sooner.</summary>
    private static double IntervalHours(News2Result score, CareKind kind)
    {
        if (kind == CareKind.DigitalFollowUp) return score.Total >= 3 ? 10 : 24;
        return score.Total switch
        {
            >= 7 => 1.5,
            >= 5 => 4,
            >= 3 => 7,
            _ when score.AnySingleThree => 7,
            >= 1 => 12,
            _ => 24,
        };
    }

    /// <summary>The next routine measurement after <paramref name="t"/>: the unit's cadence at the patient's usual time of day.</summary>
    private double NextRoutine(double t)
    {
        var today = Math.Floor(t / Day);
        double days;
        if (routineDays == 3.5) days = r.Chance(0.5) ? 3 : 4;
        else if (routineDays == 2.5) days = r.Chance(0.5) ? 2 : 3;
        else days = routineDays;

        if (unit.Kind == CareKind.HomeCare && r.Chance(0.3)) days += r.Chance(0.5) ? 1 : -1;
        if (unit.Kind == CareKind.DigitalFollowUp && r.Chance(0.1)) days += 1; // a day without measurement
        days = Math.Max(days, 1);

        var minute = Math.Clamp(p.RoutineMinute + r.Normal(0, 25), 6 * Hour, 20 * Hour);
        return Math.Max((today + days) * Day + minute, t + Hour);
    }

    private double DrawOnset(double from)
    {
        for (var day = 0; day < 3650; day++)
        {
            if (r.Chance(p.DailyHazard)) return from + day * Day + r.Uniform(0, Day);
        }

        return double.PositiveInfinity;
    }

    // ------------------------------------------------------------------ physiology

    private Slot Measure(double t)
    {
        var e = episode;
        var i = e?.Intensity(t) ?? 0;

        var respiration = Clamp(Round(p.RespirationRate + (e?.RespirationRate ?? 0) * i + r.Normal(0, 1.1)), 6, 50);
        var spo2OnAir = p.SpO2OnAir - (e?.SpO2 ?? 0) * i + r.Normal(0, 0.8);
        var systolic = Clamp(Round(p.Systolic + (e?.Systolic ?? 0) * i + r.Normal(0, 7)), 70, 235);
        var pulse = Clamp(Round(p.Pulse + (e?.Pulse ?? 0) * i + r.Normal(0, p.AtrialFibrillation ? 8 : 4)), 35, 170);
        var temperature = Clamp(Round((p.Temperature + (e?.Temperature ?? 0) * i + r.Normal(0, 0.18)) * 10), 345, 412);

        var consciousness = Acvpu.Alert;
        if (e is not null && i > 0.4)
        {
            var proneness = e.Confusion * (p.Dementia ? 1.4 : 1.0);
            if (r.Chance(proneness * (i - 0.4) * 1.6))
            {
                consciousness = Acvpu.Confusion;
                if (i > 0.75 && r.Chance(0.3)) consciousness = Acvpu.Voice;
                if (i > 0.9 && r.Chance(0.15)) consciousness = Acvpu.Pain;
            }
        }

        var onOxygen = false;
        var flow = 0.0;
        if (p.LongTermOxygen)
        {
            onOxygen = i > 0.3 || r.Chance(0.85);
            flow = p.LongTermOxygenFlow + (i > 0.4 ? 0.5 : 0) + (i > 0.7 ? 0.5 : 0);
        }
        else if (e is not null)
        {
            var threshold = p.Hypercapnic ? 86 : 92;
            if (!e.OxygenStarted && i > 0.05 && spo2OnAir < threshold && OxygenAvailable() && r.Chance(0.75))
            {
                e.OxygenStarted = true;
                e.OxygenFlow = p.Hypercapnic ? r.Pick([0.5, 1.0, 1.5]) : r.Pick([1.0, 2.0, 2.0, 3.0, 4.0]);
            }
            else if (e.OxygenStarted && i < 0.15)
            {
                e.OxygenStarted = false;
            }

            onOxygen = e.OxygenStarted;
            flow = e.OxygenFlow;
        }

        var spo2 = spo2OnAir + (onOxygen ? 2.0 + 1.7 * flow + r.Normal(0, 0.7) : 0);
        var input = new News2Input(respiration, Clamp(Round(spo2), 70, 100), p.Scale, onOxygen, systolic, pulse, consciousness, temperature);
        return new Slot(t, unit, i, e, input, News2Scorer.Score(input), onOxygen ? flow : 0);
    }

    private bool OxygenAvailable() => unit.Kind switch
    {
        CareKind.NursingHome or CareKind.ShortTermWard => true,
        CareKind.HomeCare => r.Chance(0.3),
        _ => false,
    };

    private static int Round(double value) => (int)Math.Round(value, MidpointRounding.AwayFromZero);

    private static int Clamp(int value, int min, int max) => Math.Clamp(value, min, max);

    // ------------------------------------------------------------------ clock time and recorded details

    private static readonly string[] BloodPressureComments =
    [
        "Målt etter 5 minutters hvile.", "Pasienten var urolig under målingen.", "Svimmel ved oppreisning.",
        "Kontrollmåling etter tidligere høyt blodtrykk.", "Målt liggende på grunn av nedsatt allmenntilstand.",
    ];

    private static readonly string[] IllBreathing =
    [
        "Lett anstrengt respirasjon i hvile.", "Tungpustet ved tale.", "Bruker aksessorisk respirasjonsmuskulatur.",
        "Hoster, noe ekspektorat.", "Surkling over lungene.",
    ];

    private List<VitalSignsOccasion> Finish(List<Slot> slots, DateOnly end)
    {
        var lastDay = (int)Math.Floor(slots[^1].Minute / Day);
        var lag = p.FirstUnit.Kind == CareKind.DigitalFollowUp ? r.Next(0, 2) : r.Next(0, 10);
        var origin = end.AddDays(-lag - lastDay).ToDateTime(TimeOnly.MinValue);
        var room = r.Next(1, 40);

        var occasions = new List<VitalSignsOccasion>(slots.Count);
        foreach (var slot in slots)
        {
            var local = origin.AddMinutes(Math.Floor(slot.Minute));
            occasions.Add(Details(slot, local, room));
        }

        return occasions;
    }

    private VitalSignsOccasion Details(Slot s, DateTime local, int room)
    {
        var u = s.Unit;
        var ill = s.Intensity > 0.3;
        var kind = u.Kind;
        var institution = kind is CareKind.NursingHome or CareKind.ShortTermWard;
        var digital = kind == CareKind.DigitalFollowUp;
        var m = s.Input;

        var start = local.AddMinutes(-r.Next(1, 4));
        var stop = local.AddMinutes(r.Next(1, 6));
        var recorded = stop.AddSeconds(r.Next(5, 600));

        var lying = ill && r.Chance(s.Intensity);
        var bpPosition = lying ? (r.Chance(0.5) ? Terms.BloodPressure.Lying : Terms.BloodPressure.Reclining)
            : r.Chance(0.9) ? Terms.BloodPressure.Sitting : Terms.BloodPressure.Standing;
        var positionRecorded = digital || r.Chance(institution ? 0.6 : 0.3);
        var machine = digital || p.MachineBloodPressure;
        var diastolic = Math.Clamp((int)Math.Round(m.Systolic * p.DiastolicRatio + r.Normal(0, 3), MidpointRounding.AwayFromZero), 35, m.Systolic - 15);
        var automaticPulse = machine && r.Chance(0.8);
        var onOxygen = m.OnOxygen;

        string? interpretation = null;
        if (r.Chance(digital ? 0.05 : 0.15))
        {
            interpretation = m.Scale == SpO2Scale.Scale2
                ? (m.SpO2 is >= 88 and <= 92 ? "Innenfor målområdet 88–92 %." : m.SpO2 < 88 ? "Under målområdet 88–92 %." : "Over målområdet 88–92 %.")
                : onOxygen ? "Metning med oksygentilførsel."
                : m.SpO2 < 94 ? "Redusert metning på romluft." : "Normal metning på romluft.";
        }

        return new VitalSignsOccasion
        {
            Time = OsloTime.At(local),
            ContextStart = OsloTime.At(start),
            ContextEnd = OsloTime.At(stop),
            Unit = u,
            Composer = r.Pick(u.Staff),
            Location = u.RoomPrefix is { } prefix ? $"{prefix}{room:00}" : null,
            Measurements = m,
            Score = s.Score,
            RecordRiskCategory = kind != CareKind.HomeCare || r.Chance(0.85),

            Diastolic = r.Chance(0.97) ? diastolic : null,
            MeanArterialPressure = machine && (digital || r.Chance(0.2))
                ? (int)Math.Round((m.Systolic + 2.0 * diastolic) / 3, MidpointRounding.AwayFromZero) : null,
            BloodPressureComment = r.Chance(ill ? 0.08 : 0.02) ? r.Pick(BloodPressureComments) : null,
            BloodPressurePosition = positionRecorded ? bpPosition : null,
            SleepStatus = r.Chance(0.03) ? Terms.BloodPressure.Awake : null,
            CuffSize = r.Chance(institution ? 0.3 : 0.1) ? p.Cuff : null,
            BloodPressureLocation = digital || r.Chance(0.4) ? p.Arm : null,
            BloodPressureMethod = digital || r.Chance(institution ? 0.5 : 0.25)
                ? (machine ? Terms.BloodPressure.Machine : Terms.BloodPressure.Auscultation) : null,

            PulsePresence = r.Chance(0.08) ? Terms.Pulse.Present : null,
            PulseRegularity = r.Chance(p.AtrialFibrillation ? 0.6 : 0.3)
                ? (p.AtrialFibrillation ? Terms.Pulse.Irregular : Terms.Pulse.Regular) : null,
            PulsePosition = positionRecorded && r.Chance(0.5) ? PulsePosition(bpPosition) : null,
            PulseMethod = digital || r.Chance(0.45) ? (automaticPulse ? Terms.Pulse.Automatic : Terms.Pulse.Palpation) : null,
            PulseSite = r.Chance(digital ? 0.5 : 0.25)
                ? (automaticPulse ? Terms.Pulse.Finger : r.Chance(0.7) ? Terms.Pulse.RadialRight : Terms.Pulse.RadialLeft) : null,

            RespirationPresence = r.Chance(0.05) ? Terms.Respiration.Present : null,
            RespirationRegularity = r.Chance(0.2) ? (ill && r.Chance(0.3) ? Terms.Respiration.Irregular : Terms.Respiration.Regular) : null,
            RespirationDepth = r.Chance(0.2) ? (ill && r.Chance(0.6) ? Terms.Respiration.Shallow : Terms.Respiration.Normal) : null,
            RespirationDescription = ill && r.Chance(0.3) ? r.Pick(IllBreathing) : null,
            RespirationPosition = positionRecorded && r.Chance(0.3) ? RespirationPosition(bpPosition) : null,

            SpO2Interpretation = interpretation,
            SensorSite = r.Chance(digital ? 0.6 : 0.25) ? p.SensorSite : null,
            OxygenFlow = onOxygen && r.Chance(0.9) ? s.Flow : null,
            OxygenDelivery = onOxygen && r.Chance(0.7) ? (s.Flow >= 5 ? "Oksygenmaske" : "Nesekateter") : null,

            TemperatureLocation = digital || r.Chance(0.8) ? p.Thermometer : null,
            BodyExposure = r.Chance(0.04) ? (ill && s.Episode?.Temperature > 1 ? Terms.Temperature.Reduced : Terms.Temperature.Appropriate) : null,

            MeasurementId = r.NextUuid(),
            MessageId = u.ViaVkp ? r.NextUuid() : null,
            RecordedAt = OsloTime.At(recorded),
            ForwardedAt = u.ViaVkp ? OsloTime.At(recorded.AddSeconds(r.Next(1, 30))) : null,
        };
    }

    private static Term PulsePosition(Term bloodPressure) => bloodPressure.Code switch
    {
        "at1000" => Terms.Pulse.Standing,
        "at1002" => Terms.Pulse.Reclining,
        "at1003" => Terms.Pulse.Lying,
        _ => Terms.Pulse.Sitting,
    };

    private static Term RespirationPosition(Term bloodPressure) => bloodPressure.Code switch
    {
        "at1000" => Terms.Respiration.Standing,
        "at1002" => Terms.Respiration.Reclining,
        "at1003" => Terms.Respiration.Lying,
        _ => Terms.Respiration.Sitting,
    };
}
