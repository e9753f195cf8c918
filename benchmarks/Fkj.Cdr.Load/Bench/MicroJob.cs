namespace Fkj.Cdr.Load.Bench;

/// <summary>How the BenchmarkDotNet suites run.</summary>
public enum MicroJob
{
    /// <summary>In process, 2 warm-up and 5 measured iterations of 100 ms each, tiered compilation off: under a minute for every suite; rough.</summary>
    Quick,

    /// <summary>BenchmarkDotNet's short job (3 warm-ups, 3 iterations, own process per benchmark).</summary>
    Short,

    /// <summary>BenchmarkDotNet's default job: as many iterations as its statistics ask for.</summary>
    Default,
}
