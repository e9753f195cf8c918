using Fkj.Cdr.Load.Measurement;

namespace Fkj.Cdr.Load.Scenarios.Aql;

/// <summary>
/// <c>aql-top</c> on the server: ORDER BY with LIMIT over the population (the 10 highest systolic pressures). Before
/// its requests it asks once with <c>?explain=true</c> and notes whether PostgreSQL's plan sorts the population
/// or reads an index in order (<see cref="PlanInspection"/>).
/// </summary>
public sealed class AqlTopScenario(ScenarioContext context) : ILoadScenario
{
    private bool _explained;

    public string Name => "aql-top";

    public string Target => ScenarioTarget.Server;

    public string Operation => "POST /openehr/v1/query/aql: " + AqlQueries.TopSystolic;

    public StorageScope Storage => StorageScope.None;

    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (_explained)
        {
            return;
        }
        var (outcome, body) = await context.Server.QueryAsync(AqlQueries.TopSystolic, null, explain: true, cancellationToken).ConfigureAwait(false);
        using (body)
        {
            context.Aql.Note(body is null
                ? $"aql-top: ?explain=true answered {RequestOutcome.Name(outcome.Code)}; the plan is unknown."
                : "aql-top: " + PlanInspection.Inspect(body).Sentence);
        }
        _explained = true;
    }

    public async ValueTask<RequestOutcome> ExecuteAsync(long sequence, CancellationToken cancellationToken)
    {
        var (outcome, body) = await context.Server.QueryAsync(AqlQueries.TopSystolic, null, explain: false, cancellationToken).ConfigureAwait(false);
        using (body)
        {
            return body is null || context.Aql.Answers.Check(Name, "top 10 systolic", Target, AqlAnswers.FromTopResultSet(body))
                ? outcome
                : new RequestOutcome(RequestOutcome.Mismatch);
        }
    }
}
