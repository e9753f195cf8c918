namespace Fkj.Cdr.Cli.Synthetic;

public enum EpisodeKind
{
    /// <summary>Urinary tract infection, cellulitis, influenza: fever, fast pulse and breathing, sometimes low blood pressure and confusion.</summary>
    Infection,

    /// <summary>Pneumonia: as an infection, with falling saturation.</summary>
    Pneumonia,

    /// <summary>COPD exacerbation: breathing fast, saturation falling, little fever.</summary>
    CopdExacerbation,

    /// <summary>Heart failure decompensation: breathless, saturation falling, fast pulse, no fever.</summary>
    HeartFailure,

    /// <summary>Dehydration: low blood pressure, fast pulse, confusion.</summary>
    Dehydration,
}

/// <summary>
/// One illness: it begins at <see cref="Onset"/>, worsens until <see cref="Peak"/>, and recovers until
/// <see cref="End"/>; its intensity (0–1, the severity at the peak) moves each vital sign by an amount
/// drawn once for the episode. Times are minutes of the patient's timeline.
/// </summary>
public sealed class Episode
{
    public required EpisodeKind Kind { get; init; }
    public double Onset { get; private set; }
    public double Peak { get; private set; }
    public double End { get; private set; }
    public double Severity { get; private set; }

    // What intensity 1 does to each vital sign.
    public double RespirationRate { get; init; }
    public double SpO2 { get; init; }
    public double Pulse { get; init; }
    public double Systolic { get; init; }
    public double Temperature { get; init; }

    /// <summary>How likely the episode is to bring new confusion, relative to others.</summary>
    public double Confusion { get; init; }

    /// <summary>Oxygen started by staff in this episode (for a patient not on long-term oxygen), with its flow.</summary>
    public bool OxygenStarted { get; set; }
    public double OxygenFlow { get; set; }

    /// <summary>Whether the patient was in hospital during this episode.</summary>
    public bool Hospitalised { get; private set; }

    public static Episode Draw(SeededRandom r, Patient patient, double onset)
    {
        var kind = DrawKind(r, patient);
        // Mostly mild: the square of a uniform puts most episodes low, a few severe.
        var u = r.NextDouble();
        var severity = 0.15 + 0.85 * u * u;
        var worsening = r.Uniform(0.8, 4.0) * 1440;
        var recovery = r.Uniform(2.0, 7.0) * 1440 * (0.6 + severity);
        var fever = r.Chance(patient.Age >= 80 ? 0.25 : 0.1) ? 0.3 : 1.0; // the old often get little fever
        var episode = kind switch
        {
            EpisodeKind.Infection => new Episode
            {
                Kind = kind, RespirationRate = r.Uniform(4, 11), SpO2 = r.Uniform(0, 4), Pulse = r.Uniform(15, 40),
                Systolic = -r.Uniform(0, 40), Temperature = r.Uniform(1.3, 2.8) * fever, Confusion = 0.7,
            },
            EpisodeKind.Pneumonia => new Episode
            {
                Kind = kind, RespirationRate = r.Uniform(6, 14), SpO2 = r.Uniform(4, 10), Pulse = r.Uniform(15, 40),
                Systolic = -r.Uniform(0, 35), Temperature = r.Uniform(1.2, 2.6) * fever, Confusion = 0.6,
            },
            EpisodeKind.CopdExacerbation => new Episode
            {
                Kind = kind, RespirationRate = r.Uniform(6, 14), SpO2 = r.Uniform(3, 9), Pulse = r.Uniform(10, 30),
                Systolic = r.Uniform(-5, 12), Temperature = r.Uniform(0, 1.1), Confusion = 0.3,
            },
            EpisodeKind.HeartFailure => new Episode
            {
                Kind = kind, RespirationRate = r.Uniform(5, 12), SpO2 = r.Uniform(2, 8), Pulse = r.Uniform(10, 35),
                Systolic = r.Uniform(-20, 15), Temperature = 0, Confusion = 0.3,
            },
            _ => new Episode
            {
                Kind = kind, RespirationRate = r.Uniform(1, 5), SpO2 = r.Uniform(0, 2), Pulse = r.Uniform(12, 32),
                Systolic = -r.Uniform(15, 45), Temperature = r.Uniform(0, 0.8), Confusion = 0.8,
            },
        };
        episode.Onset = onset;
        episode.Peak = onset + worsening;
        episode.End = episode.Peak + recovery;
        episode.Severity = severity;
        return episode;
    }

    private static EpisodeKind DrawKind(SeededRandom r, Patient patient)
    {
        if (patient.Copd && r.Chance(0.6)) return EpisodeKind.CopdExacerbation;
        if (patient.HeartFailure && r.Chance(0.5)) return EpisodeKind.HeartFailure;
        return r.PickWeighted([0.5, 0.25, 0, 0, 0.25]) switch
        {
            0 => EpisodeKind.Infection,
            1 => EpisodeKind.Pneumonia,
            _ => EpisodeKind.Dehydration,
        };
    }

    /// <summary>The intensity at minute <paramref name="t"/>: 0 before and after, rising to the severity at the peak.</summary>
    public double Intensity(double t)
    {
        if (t <= Onset || t >= End) return 0;
        return t < Peak ? Severity * (t - Onset) / (Peak - Onset) : Severity * (End - t) / (End - Peak);
    }

    /// <summary>
    /// The patient comes back from hospital at <paramref name="back"/>, treated: the episode goes on as a
    /// short recovery from a fraction of its severity.
    /// </summary>
    public void AfterHospital(SeededRandom r, double back)
    {
        Hospitalised = true;
        Severity *= r.Uniform(0.2, 0.4);
        Onset = back - 1;
        Peak = back;
        End = back + r.Uniform(2, 6) * 1440;
        OxygenStarted = false;
    }
}
