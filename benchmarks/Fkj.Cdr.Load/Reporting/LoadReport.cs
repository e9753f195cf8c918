namespace Fkj.Cdr.Load.Reporting;

/// <summary>Everything one run measured, as written to the JSON result file.</summary>
public sealed class LoadReport
{
    public string Harness { get; init; } = "Fkj.Cdr.Load";

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; set; }

    public MachineInfo Machine { get; set; } = null!;

    public string CommandLine { get; init; } = "";

    public string Server { get; set; } = "";

    public string Database { get; set; } = "";

    public string? PostgresVersion { get; set; }

    public string? ServerLog { get; set; }

    /// <summary>The input composition: its file, the size of one compact variant, how many variants.</summary>
    public string Composition { get; set; } = "";

    public int CompositionBytes { get; set; }

    public int Variants { get; set; }

    public string Mode { get; init; } = "";

    public int RequestsPerLevel { get; init; }

    public double DurationPerLevelSeconds { get; init; }

    public int Warmup { get; init; }

    public List<LevelResult> Results { get; } = [];

    public List<StorageResult> Storage { get; } = [];

    /// <summary>With --db-sizes: what the database held at each size, and how long filling it took.</summary>
    public List<DatabaseSizeResult> DatabaseSizes { get; } = [];

    /// <summary>Scenarios skipped and why, baselines left out, a run cut short.</summary>
    public List<string> Notes { get; } = [];
}
