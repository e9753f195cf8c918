using Fkj.Cdr.Cli.Generate;
using Fkj.Cdr.Testing;

namespace Fkj.Cdr.Cli.Tests.Generate;

/// <summary>A population of 50 EHRs × 20 compositions (seed 20260630), generated once for the tests that read it.</summary>
public sealed class GeneratedPopulation : IDisposable
{
    public const int Ehrs = 50;
    public const int CompositionsPerEhr = 20;
    public const ulong Seed = 20260630;

    private readonly TempDirectory directory = new("fkj-generate");

    public GeneratedPopulation()
    {
        Statistics = new PopulationWriter(new GenerateOptions
        {
            Ehrs = Ehrs, CompositionsPerEhr = CompositionsPerEhr, Seed = Seed, Out = directory.Path,
        }).Write();
    }

    public string Path => directory.Path;

    public PopulationStatistics Statistics { get; }

    public string EhrFile(int n) => System.IO.Path.Combine(Path, "ehrs", $"{n}.json");

    public string CompositionFile(int n, int k) => System.IO.Path.Combine(Path, "compositions", $"{n}", $"{k}.json");

    /// <summary>Every composition file as (n, k, path), in order.</summary>
    public IEnumerable<(int N, int K, string File)> Compositions()
    {
        for (var n = 1; n <= Ehrs; n++)
        for (var k = 1; k <= CompositionsPerEhr; k++)
            yield return (n, k, CompositionFile(n, k));
    }

    public void Dispose() => directory.Dispose();
}

[CollectionDefinition(Name)]
public sealed class GeneratedPopulationCollection : ICollectionFixture<GeneratedPopulation>
{
    public const string Name = "generated population";
}
