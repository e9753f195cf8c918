using Fkj.Cdr.Load.Reporting;

namespace Fkj.Cdr.Load.Bench;

/// <summary>One load-harness run of a bench: the <c>benchmarks/load</c> command that does the same alone, and what it measured.</summary>
public sealed class LoadPhase
{
    public string Command { get; set; } = "";

    public LoadReport? Report { get; set; }
}
