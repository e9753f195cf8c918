using System.Globalization;
using Fkj.Cdr.Load.Measurement;

namespace Fkj.Cdr.Load.Scenarios.Aql;

/// <summary>
/// <c>aql-population</c> on the server: the population query of issue 6, the number of EHRs with any systolic
/// pressure above 140 (--systolic-above) in the last year (<c>$since</c>, a year before the run). Seconds each on a
/// large database, so it runs a few times, alternating with its baseline (<see cref="Running.AlternatingRunner"/>).
/// </summary>
public sealed class AqlPopulationScenario(ScenarioContext context) : ILoadScenario
{
    public string Name => "aql-population";

    public string Target => ScenarioTarget.Server;

    public string Operation => "POST /openehr/v1/query/aql: " + AqlQueries.Population(context.Aql.SystolicAbove) + " (since: a year ago)";

    public StorageScope Storage => StorageScope.None;

    public Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask<RequestOutcome> ExecuteAsync(long sequence, CancellationToken cancellationToken)
    {
        var aql = context.Aql;
        var (outcome, body) = await context.Server.QueryAsync(
            AqlQueries.Population(aql.SystolicAbove), new Dictionary<string, string> { ["since"] = aql.SinceText }, explain: false, cancellationToken).ConfigureAwait(false);
        using (body)
        {
            return body is null || aql.Answers.Check(Name, Question(aql), Target, AqlAnswers.FromCountResultSet(body).ToString(CultureInfo.InvariantCulture))
                ? outcome
                : new RequestOutcome(RequestOutcome.Mismatch);
        }
    }

    internal static string Question(AqlData aql) => string.Create(CultureInfo.InvariantCulture, $"EHRs with systolic > {aql.SystolicAbove} since {aql.SinceText}");
}
