namespace Fkj.Cdr.Load.Bench;

/// <summary>The BenchmarkDotNet part of a bench run: the command, the load average around it, and the results.</summary>
public sealed class MicroRun
{
    public string Command { get; set; } = "";

    public string Job { get; set; } = "";

    public double[]? LoadAverageAtStart { get; set; }

    public double[]? LoadAverageAtEnd { get; set; }

    public double Seconds { get; set; }

    public List<MicroResult> Results { get; set; } = [];
}
