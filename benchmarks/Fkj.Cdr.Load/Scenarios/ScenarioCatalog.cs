namespace Fkj.Cdr.Load.Scenarios;

/// <summary>The scenarios the harness knows. AQL joins once the query endpoint exists (issue 6).</summary>
public static class ScenarioCatalog
{
    public static IReadOnlyList<ScenarioDefinition> All { get; } =
    [
        new("commit", "POST a vital-signs composition; baseline: INSERT the same JSON into a jsonb table",
            context => new CommitScenario(context),
            (context, table) => new BaselineInsertScenario(context, table)),
        new("read", "GET a composition by version uid; baseline: SELECT the JSON by id",
            context => new ReadScenario(context, latest: false),
            (context, table) => new BaselineSelectScenario(context, table, "read")),
        new("read-latest", "GET a composition by versioned object id (latest); baseline: SELECT the JSON by id",
            context => new ReadScenario(context, latest: true),
            (context, table) => new BaselineSelectScenario(context, table, "read-latest")),
    ];

    /// <summary>Scenarios that are planned but cannot run yet, with the reason.</summary>
    public static IReadOnlyDictionary<string, string> Planned { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["aql"] = "the aql scenario needs the AQL endpoint (POST /openehr/v1/query/aql), which is not built yet; implement ILoadScenario and add it here",
    };

    public static ScenarioDefinition? Find(string name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
}
