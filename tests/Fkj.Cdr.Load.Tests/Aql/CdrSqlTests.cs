using Fkj.Cdr.Load.Scenarios.Aql;
using Fkj.Cdr.Load.Tests.Support;

namespace Fkj.Cdr.Load.Tests.Aql;

/// <summary>The hand-written SQL baselines of the AQL scenarios, over the hand-made blood pressures of <see cref="BloodPressureWorld"/>.</summary>
public sealed class CdrSqlTests(BloodPressureWorld world) : IClassFixture<BloodPressureWorld>
{
    private readonly CdrSql _sql = new(world.DataSource, "default");

    [Fact]
    public async Task The_population_count_pairs_values_of_one_observation_of_latest_versions()
    {
        var since = world.Now.AddYears(-1).ToUnixTimeSeconds();
        // Above 140 in the last year: B only (A's 190 was replaced, A's 200 deleted, C's 170 is two years old).
        Assert.Equal(1, await _sql.PopulationAsync(140, since, CancellationToken.None));
        // Above 100: A (120 to 131), B, and C by its recent 110.
        Assert.Equal(3, await _sql.PopulationAsync(100, since, CancellationToken.None));
        // Above 140 since three years ago: B, and now C's 170 too.
        Assert.Equal(2, await _sql.PopulationAsync(140, world.Now.AddYears(-3).ToUnixTimeSeconds(), CancellationToken.None));
    }

    [Fact]
    public async Task The_top_ten_systolic_values_skip_replaced_and_deleted_versions()
    {
        Assert.Equal("170,150,131,130,129,128,127,126,125,124", await _sql.TopSystolicAsync(CancellationToken.None));
    }

    [Fact]
    public async Task The_latest_ten_of_an_ehr_come_newest_first_with_the_uid_of_the_latest_version()
    {
        var rows = (await _sql.LatestOfEhrAsync(BloodPressureWorld.A.ToString(), CancellationToken.None)).Split('\n');
        Assert.Equal(10, rows.Length);
        var t0 = world.Now.AddDays(-30).ToUnixTimeSeconds();
        Assert.Equal($"{BloodPressureWorld.AComposition[0]}::test::2|{t0}|120|70", rows[0]);
        var t9 = world.Now.AddDays(-39).ToUnixTimeSeconds();
        Assert.Equal($"{BloodPressureWorld.AComposition[9]}::test::1|{t9}|129|79", rows[9]);

        var c = (await _sql.LatestOfEhrAsync(BloodPressureWorld.C.ToString(), CancellationToken.None)).Split('\n');
        Assert.Equal(
            [$"{BloodPressureWorld.CComposition}::test::1|{world.Now.AddDays(-5).ToUnixTimeSeconds()}|110|null",
             $"{BloodPressureWorld.CComposition}::test::1|{world.Now.AddYears(-2).ToUnixTimeSeconds()}|170|null"],
            c);
    }

    [Fact]
    public async Task The_ehrs_and_paths_come_from_the_tables()
    {
        var ehrs = await _sql.EhrIdsAsync(10, CancellationToken.None);
        Assert.Equal(new[] { BloodPressureWorld.A, BloodPressureWorld.B, BloodPressureWorld.C }.Select(g => g.ToString()).Order(), ehrs.Order());
        var paths = await _sql.PathsAsync(CancellationToken.None);
        Assert.Single(paths.Systolic);
        Assert.Single(paths.Diastolic);
        Assert.Single(paths.Time);
        Assert.Equal(3, new[] { paths.Systolic[0], paths.Diastolic[0], paths.Time[0] }.Distinct().Count());
    }
}
