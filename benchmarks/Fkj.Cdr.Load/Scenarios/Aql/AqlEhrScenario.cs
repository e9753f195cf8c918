using Fkj.Cdr.Load.Measurement;

namespace Fkj.Cdr.Load.Scenarios.Aql;

/// <summary>
/// <c>aql-ehr</c> on the server: <c>POST /openehr/v1/query/aql</c> with the per-EHR query of issue 6 (the latest 10
/// blood pressures of one EHR), its ehr_id as a query parameter, a different EHR of the data each request (a fixed
/// scattered order, the same as the baseline's). The answer is read whole and compared with the baseline's.
/// </summary>
public sealed class AqlEhrScenario(ScenarioContext context) : ILoadScenario
{
    private IReadOnlyList<string> _ehrs = [];
    private long _sent;

    public string Name => "aql-ehr";

    public string Target => ScenarioTarget.Server;

    public string Operation => "POST /openehr/v1/query/aql: " + AqlQueries.LatestOfEhr + " (ehr: a different EHR each request)";

    public StorageScope Storage => StorageScope.None;

    public async Task PrepareAsync(CancellationToken cancellationToken) =>
        _ehrs = await context.Aql.EhrIdsAsync(cancellationToken).ConfigureAwait(false);

    public async ValueTask<RequestOutcome> ExecuteAsync(long sequence, CancellationToken cancellationToken)
    {
        var ehr = _ehrs[ScenarioContext.Spread(Interlocked.Increment(ref _sent) - 1, _ehrs.Count)];
        var (outcome, body) = await context.Server.QueryAsync(AqlQueries.LatestOfEhr, new Dictionary<string, string> { ["ehr"] = ehr }, explain: false, cancellationToken).ConfigureAwait(false);
        using (body)
        {
            return body is null || context.Aql.Answers.Check(Name, ehr, Target, AqlAnswers.FromEhrResultSet(body))
                ? outcome
                : new RequestOutcome(RequestOutcome.Mismatch);
        }
    }
}
