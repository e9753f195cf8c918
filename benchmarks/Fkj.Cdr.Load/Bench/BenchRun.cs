using Fkj.Cdr.Load.Reporting;

namespace Fkj.Cdr.Load.Bench;

/// <summary>Everything one <c>./fkj bench</c> measured, as written to <c>bench.json</c> and rendered into the docs.</summary>
public sealed class BenchRun
{
    public string CommandLine { get; set; } = "";

    public string Scale { get; set; } = "";

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public MachineInfo Machine { get; set; } = null!;

    /// <summary>The operating system by name (/etc/os-release), beside the kernel in <see cref="MachineInfo.Os"/>.</summary>
    public string? OsName { get; set; }

    public string? Commit { get; set; }

    /// <summary>True when tracked files differed from the commit (other sessions work in the same checkout).</summary>
    public bool? UncommittedChanges { get; set; }

    /// <summary>Where the raw results of this run are (relative to the repository).</summary>
    public string ResultsDirectory { get; set; } = "";

    public MicroRun? Micro { get; set; }

    public LoadPhase? Concurrency { get; set; }

    public LoadPhase? Sizes { get; set; }

    public LoadPhase? Saturation { get; set; }

    /// <summary>The AQL scenarios beside their SQL baselines, on a database filled to the largest size.</summary>
    public LoadPhase? Queries { get; set; }

    public List<string> Notes { get; set; } = [];
}
