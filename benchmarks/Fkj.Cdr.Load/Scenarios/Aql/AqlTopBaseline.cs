using Fkj.Cdr.Load.Measurement;

namespace Fkj.Cdr.Load.Scenarios.Aql;

/// <summary>The baseline of <c>aql-top</c>: <c>ORDER BY num DESC LIMIT 10</c> over leaf_value joined to latest_version, by hand (<see cref="CdrSql.TopSystolicAsync"/>).</summary>
public sealed class AqlTopBaseline(ScenarioContext context, CdrSql sql) : ILoadScenario
{
    public string Name => "aql-top";

    public string Target => ScenarioTarget.Baseline;

    public string Operation => "Npgsql: SELECT ehr_id, num FROM leaf_value JOIN latest_version ON version_key (systolic path, num > 0) ORDER BY num DESC LIMIT 10";

    public StorageScope Storage => StorageScope.None;

    public Task PrepareAsync(CancellationToken cancellationToken) => sql.PathsAsync(cancellationToken);

    public async ValueTask<RequestOutcome> ExecuteAsync(long sequence, CancellationToken cancellationToken)
    {
        var answer = await sql.TopSystolicAsync(cancellationToken).ConfigureAwait(false);
        return context.Aql.Answers.Check(Name, "top 10 systolic", Target, answer) ? RequestOutcome.Success : new RequestOutcome(RequestOutcome.Mismatch);
    }
}
