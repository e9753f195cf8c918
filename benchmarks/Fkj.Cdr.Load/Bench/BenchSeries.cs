using Fkj.Cdr.Load.Reporting;
using Fkj.Cdr.Load.Scenarios;

namespace Fkj.Cdr.Load.Bench;

/// <summary>Picks a scenario's levels of one target out of a load report, for tables and plots.</summary>
public static class BenchSeries
{
    public static IReadOnlyList<LevelResult> Levels(LoadReport? report, string scenario, string target) =>
        report?.Results.Where(r => r.Scenario == scenario && r.Target == target).ToList() ?? [];

    public static IReadOnlyList<LevelResult> Server(LoadReport? report, string scenario) => Levels(report, scenario, ScenarioTarget.Server);

    public static IReadOnlyList<LevelResult> Baseline(LoadReport? report, string scenario) => Levels(report, scenario, ScenarioTarget.Baseline);

    /// <summary>The baseline level that ran beside <paramref name="server"/> (same scenario, level and size), if any.</summary>
    public static LevelResult? BaselineOf(LoadReport? report, LevelResult server) =>
        report?.Results.FirstOrDefault(b => b.Target == ScenarioTarget.Baseline && b.Scenario == server.Scenario && b.Level == server.Level);

    /// <summary>The operation a target's levels of a scenario performed ("Npgsql INSERT ...").</summary>
    public static string? Operation(LoadReport? report, string scenario, string target) =>
        report?.Results.FirstOrDefault(r => r.Scenario == scenario && r.Target == target)?.Operation;
}
