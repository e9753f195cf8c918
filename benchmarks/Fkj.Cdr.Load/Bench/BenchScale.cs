namespace Fkj.Cdr.Load.Bench;

/// <summary>
/// The presets of <c>./fkj bench --scale</c>. Small finishes in a few minutes on two cores; medium fills the
/// database to 100,000 compositions (through the commit scenario, at a few hundred commits/s here) and takes about
/// half an hour or more; large, to 1,000,000, is for a quiet machine, hours and about 25 GB of temp space.
/// </summary>
public sealed record BenchScale(
    string Name,
    IReadOnlyList<int> Clients,
    int Requests,
    TimeSpan Duration,
    IReadOnlyList<int> DatabaseSizes,
    int SizeClients,
    int SizeRequests,
    IReadOnlyList<double> Rates,
    TimeSpan OpenDuration,
    int MaxInFlight,
    MicroJob Micro,
    TimeSpan PhaseTimeLimit)
{
    public static BenchScale Small { get; } = new(
        "small", [1, 2, 4, 8, 16], 300, TimeSpan.FromSeconds(8),
        [0, 1_000, 2_000, 4_000], 1, 200,
        [50, 100, 200, 400, 800, 1600], TimeSpan.FromSeconds(6), 1024,
        MicroJob.Quick, TimeSpan.FromMinutes(10));

    public static BenchScale Medium { get; } = new(
        "medium", [1, 2, 4, 8, 16], 2_000, TimeSpan.FromSeconds(30),
        [0, 10_000, 50_000, 100_000], 1, 1_000,
        [50, 100, 200, 400, 800, 1600], TimeSpan.FromSeconds(20), 2048,
        MicroJob.Short, TimeSpan.FromMinutes(90));

    public static BenchScale Large { get; } = new(
        "large", [1, 2, 4, 8, 16, 32, 64], 5_000, TimeSpan.FromSeconds(60),
        [0, 100_000, 250_000, 500_000, 1_000_000], 1, 2_000,
        [50, 100, 200, 400, 800, 1600, 3200], TimeSpan.FromSeconds(30), 4096,
        MicroJob.Default, TimeSpan.FromHours(8));

    public static BenchScale? Find(string name) => name.ToLowerInvariant() switch
    {
        "small" => Small,
        "medium" => Medium,
        "large" => Large,
        _ => null,
    };
}
