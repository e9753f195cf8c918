using Fkj.Cdr.Cli.News2;
using Fkj.Cdr.Cli.Synthetic;

namespace Fkj.Cdr.Cli.VitalSigns;

/// <summary>
/// Everything recorded at one time of measurement: the seven NEWS2 measurements, their score, and the
/// optional details a care unit records (null when not recorded). <see cref="VitalSignsComposition"/>
/// turns it into a composition of <c>fkj.vital_signs_news2.v1</c>; it draws nothing at random itself.
/// </summary>
public sealed class VitalSignsOccasion
{
    /// <summary>When the measurements were taken (local time in Norway, with its offset).</summary>
    public required DateTimeOffset Time { get; init; }

    public required DateTimeOffset ContextStart { get; init; }

    public required DateTimeOffset ContextEnd { get; init; }

    public required CareUnit Unit { get; init; }

    public required StaffMember Composer { get; init; }

    /// <summary>Room of an institution, null at home.</summary>
    public string? Location { get; init; }

    public required News2Input Measurements { get; init; }

    public required News2Result Score { get; init; }

    /// <summary>Whether the clinical risk category (optional in the template) is recorded.</summary>
    public bool RecordRiskCategory { get; init; }

    // Blood pressure.
    public int? Diastolic { get; init; }
    public int? MeanArterialPressure { get; init; }
    public string? BloodPressureComment { get; init; }
    public Term? BloodPressurePosition { get; init; }
    public Term? SleepStatus { get; init; }
    public Term? CuffSize { get; init; }
    public Term? BloodPressureLocation { get; init; }
    public Term? BloodPressureMethod { get; init; }

    // Pulse.
    public Term? PulsePresence { get; init; }
    public Term? PulseRegularity { get; init; }
    public Term? PulsePosition { get; init; }
    public Term? PulseMethod { get; init; }
    public Term? PulseSite { get; init; }

    // Respiration.
    public Term? RespirationPresence { get; init; }
    public Term? RespirationRegularity { get; init; }
    public Term? RespirationDepth { get; init; }
    public string? RespirationDescription { get; init; }
    public Term? RespirationPosition { get; init; }

    // Pulse oximetry; the inspired oxygen cluster is always recorded, with "on air" agreeing with NEWS2's air or oxygen.
    public string? SpO2Interpretation { get; init; }
    public string? SensorSite { get; init; }

    /// <summary>Oxygen flow in l/min when on oxygen and the flow is recorded.</summary>
    public double? OxygenFlow { get; init; }

    /// <summary>How the oxygen is given (free text, e.g. nesekateter) when on oxygen and recorded.</summary>
    public string? OxygenDelivery { get; init; }

    // Body temperature.
    public Term? TemperatureLocation { get; init; }
    public Term? BodyExposure { get; init; }

    // Provenance (FEEDER_AUDIT).
    /// <summary>The originating system's id of the measurement.</summary>
    public required string MeasurementId { get; init; }

    /// <summary>The VKP message id, when the unit sends through VKP.</summary>
    public string? MessageId { get; init; }

    public required DateTimeOffset RecordedAt { get; init; }

    public DateTimeOffset? ForwardedAt { get; init; }
}
