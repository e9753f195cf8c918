using Fkj.Cdr.Load.Database;

namespace Fkj.Cdr.Load.Scenarios;

/// <summary>
/// A scenario by name: how to make its server form and, when it has one, its baseline form. <see cref="UsesBaselineTable"/>:
/// its baseline reads or writes baseline_doc (the AQL baselines query the CDR's own tables and leave the database as it is).
/// <see cref="Alternating"/>: slow requests, measured --query-runs times at one client, server and baseline taking turns.
/// </summary>
public sealed record ScenarioDefinition(
    string Name,
    string Summary,
    Func<ScenarioContext, ILoadScenario> Server,
    Func<ScenarioContext, BaselineTable, ILoadScenario>? Baseline,
    bool UsesBaselineTable = true,
    bool Alternating = false);
