using Fkj.Cdr.Storage.Embedded;
using Fkj.Cdr.Testing;
using Npgsql;

namespace Fkj.Cdr.Load.Tests.Support;

/// <summary>
/// An embedded PostgreSQL with the CDR's schema and three EHRs of blood pressures, chosen so that each baseline has
/// something to get wrong (the expected answers are in the tests, worked out from this description):
/// <list type="bullet">
/// <item>A: twelve compositions, number i (0 to 11) measured 30 + i days ago, systolic 120 + i, diastolic 70 + i. The
/// newest (i = 0) is at version 2; its version 1 said systolic 190, which must not count. A thirteenth composition,
/// measured a day ago with systolic 200, is deleted (version 2 is a deletion).</item>
/// <item>B: one composition, 10 days ago, systolic 150, diastolic 90.</item>
/// <item>C: one composition with two observations: node 1, two years ago, systolic 170; node 6, five days ago,
/// systolic 110; neither has a diastolic value. Pairing values across observations would count C as above 140 in
/// the last year.</item>
/// </list>
/// </summary>
public sealed class BloodPressureWorld : IAsyncLifetime
{
    private readonly TempDirectory _directory = new("fkj-load-aql");
    private EmbeddedPostgres _postgres = null!;

    public static readonly Guid A = Guid.Parse("0000000a-0000-4000-8000-000000000000");
    public static readonly Guid B = Guid.Parse("0000000b-0000-4000-8000-000000000000");
    public static readonly Guid C = Guid.Parse("0000000c-0000-4000-8000-000000000000");

    /// <summary>The composition ids of A (i = 0 to 11), of B and of C.</summary>
    public static readonly Guid[] AComposition = Enumerable.Range(0, 12).Select(i => Guid.Parse($"a0000000-0000-4000-8000-{i:D12}")).ToArray();
    public static readonly Guid BComposition = Guid.Parse("b0000000-0000-4000-8000-000000000000");
    public static readonly Guid CComposition = Guid.Parse("c0000000-0000-4000-8000-000000000000");

    /// <summary>Whole seconds, so that times compare exactly after the round trip through num.</summary>
    public DateTimeOffset Now { get; } = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());

    public string ConnectionString => _postgres.ConnectionString;

    public NpgsqlDataSource DataSource { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var options = new EmbeddedPostgresOptions { DataDirectory = Path.Combine(_directory.Path, "db") };
        options.Settings["shared_buffers"] = "32MB";
        _postgres = new EmbeddedPostgres(options);
        await _postgres.StartAsync();
        DataSource = NpgsqlDataSource.Create(_postgres.ConnectionString);
        var seed = new CdrSeed(DataSource);
        await seed.InitializeAsync();

        for (var i = 0; i < 12; i++)
        {
            var observation = new CdrSeed.Observation(1, Now.AddDays(-30 - i), 120 + i, 70 + i);
            if (i == 0)
            {
                await seed.VersionAsync(A, AComposition[0], 1, deleted: false, observation with { Systolic = 190 });
                await seed.VersionAsync(A, AComposition[0], 2, deleted: false, observation);
            }
            else
            {
                await seed.VersionAsync(A, AComposition[i], 1, deleted: false, observation);
            }
        }
        var gone = Guid.NewGuid();
        await seed.VersionAsync(A, gone, 1, deleted: false, new CdrSeed.Observation(1, Now.AddDays(-1), 200, 100));
        await seed.VersionAsync(A, gone, 2, deleted: true);

        await seed.VersionAsync(B, BComposition, 1, deleted: false, new CdrSeed.Observation(1, Now.AddDays(-10), 150, 90));

        await seed.VersionAsync(C, CComposition, 1, deleted: false,
            new CdrSeed.Observation(1, Now.AddYears(-2), 170, null),
            new CdrSeed.Observation(6, Now.AddDays(-5), 110, null));
    }

    public async Task DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await _postgres.DisposeAsync();
        _directory.Dispose();
    }
}
