using System.Globalization;
using Fkj.Cdr.Load.Measurement;

namespace Fkj.Cdr.Load.Scenarios.Aql;

/// <summary>The baseline of <c>aql-population</c>: the count by hand-written SQL (<see cref="CdrSql.PopulationAsync"/>), the same bound and the same "since".</summary>
public sealed class AqlPopulationBaseline(ScenarioContext context, CdrSql sql) : ILoadScenario
{
    public string Name => "aql-population";

    public string Target => ScenarioTarget.Baseline;

    public string Operation => "Npgsql: count(DISTINCT ehr_id) of leaf_value systolic rows above the bound, of latest versions, with an event time of the same observation after since";

    public StorageScope Storage => StorageScope.None;

    public Task PrepareAsync(CancellationToken cancellationToken) => sql.PathsAsync(cancellationToken);

    public async ValueTask<RequestOutcome> ExecuteAsync(long sequence, CancellationToken cancellationToken)
    {
        var aql = context.Aql;
        var count = await sql.PopulationAsync(aql.SystolicAbove, aql.Since.ToUnixTimeSeconds(), cancellationToken).ConfigureAwait(false);
        return aql.Answers.Check(Name, AqlPopulationScenario.Question(aql), Target, count.ToString(CultureInfo.InvariantCulture))
            ? RequestOutcome.Success
            : new RequestOutcome(RequestOutcome.Mismatch);
    }
}
