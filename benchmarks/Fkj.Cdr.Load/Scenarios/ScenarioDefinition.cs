using Fkj.Cdr.Load.Database;

namespace Fkj.Cdr.Load.Scenarios;

/// <summary>A scenario by name: how to make its server form and, when it has one, its baseline form.</summary>
public sealed record ScenarioDefinition(
    string Name,
    string Summary,
    Func<ScenarioContext, ILoadScenario> Server,
    Func<ScenarioContext, BaselineTable, ILoadScenario>? Baseline);
