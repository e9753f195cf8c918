using Fkj.Cdr.Load.Measurement;

namespace Fkj.Cdr.Load.Scenarios.Aql;

/// <summary>The baseline of <c>aql-ehr</c>: the same question by hand-written SQL over the CDR's tables (<see cref="CdrSql.LatestOfEhrAsync"/>), the same EHRs in the same order.</summary>
public sealed class AqlEhrBaseline(ScenarioContext context, CdrSql sql) : ILoadScenario
{
    private IReadOnlyList<string> _ehrs = [];
    private long _sent;

    public string Name => "aql-ehr";

    public string Target => ScenarioTarget.Baseline;

    public string Operation => "Npgsql: leaf_value rows of the EHR's event times (latest versions, newest 10) joined to the systolic and diastolic values of the same observation, and each composition's uid from its document";

    public StorageScope Storage => StorageScope.None;

    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await sql.PathsAsync(cancellationToken).ConfigureAwait(false);
        _ehrs = await context.Aql.EhrIdsAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<RequestOutcome> ExecuteAsync(long sequence, CancellationToken cancellationToken)
    {
        var ehr = _ehrs[ScenarioContext.Spread(Interlocked.Increment(ref _sent) - 1, _ehrs.Count)];
        var answer = await sql.LatestOfEhrAsync(ehr, cancellationToken).ConfigureAwait(false);
        return context.Aql.Answers.Check(Name, ehr, Target, answer) ? RequestOutcome.Success : new RequestOutcome(RequestOutcome.Mismatch);
    }
}
