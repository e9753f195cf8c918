using Fkj.Cdr.Load.Scenarios.Aql;

namespace Fkj.Cdr.Load.Scenarios;

/// <summary>The scenarios the harness knows.</summary>
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
        new("aql-ehr", "AQL: the latest 10 blood pressures of one EHR; baseline: the same by hand-written SQL over the CDR's tables",
            context => new AqlEhrScenario(context),
            (context, _) => new AqlEhrBaseline(context, context.Aql.Sql!),
            UsesBaselineTable: false),
        new("aql-population", "AQL: the EHRs with a systolic pressure above 140 in the last year; baseline: hand-written SQL; a few runs, taking turns",
            context => new AqlPopulationScenario(context),
            (context, _) => new AqlPopulationBaseline(context, context.Aql.Sql!),
            UsesBaselineTable: false,
            Alternating: true),
        new("aql-top", "AQL: the 10 highest systolic pressures (ORDER BY ... LIMIT), plan explained once; baseline: ORDER BY num DESC LIMIT 10 in SQL",
            context => new AqlTopScenario(context),
            (context, _) => new AqlTopBaseline(context, context.Aql.Sql!),
            UsesBaselineTable: false),
    ];

    /// <summary>Scenarios that are planned but cannot run yet, with the reason.</summary>
    public static IReadOnlyDictionary<string, string> Planned { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
    };

    public static ScenarioDefinition? Find(string name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
}
