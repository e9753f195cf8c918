using Fkj.Cdr.Load.Measurement;

namespace Fkj.Cdr.Load.Scenarios;

/// <summary>
/// <c>commit</c> on the server: <c>POST /openehr/v1/ehr/{ehr_id}/composition</c> of a vital-signs variant
/// (canonical JSON, <c>Prefer: return=minimal</c>), spread over the run's EHRs, which preparation creates.
/// Each committed version uid is kept for the read scenarios.
/// </summary>
public sealed class CommitScenario(ScenarioContext context) : ILoadScenario
{
    private long _sent;

    public string Name => "commit";

    public string Target => ScenarioTarget.Server;

    public string Operation => "POST /openehr/v1/ehr/{ehr_id}/composition (canonical JSON, Prefer: return=minimal)";

    public StorageScope Storage => StorageScope.CdrTables;

    public Task PrepareAsync(CancellationToken cancellationToken) =>
        context.Ehrs.EnsureAsync(context.Options.Ehrs, cancellationToken);

    public async ValueTask<RequestOutcome> ExecuteAsync(long sequence, CancellationToken cancellationToken)
    {
        // A counter across levels and warm-up, so each level goes on through the bodies and EHRs.
        var n = Interlocked.Increment(ref _sent) - 1;
        var ehrs = context.Ehrs.Ids;
        var ehrId = ehrs[(int)(n % ehrs.Count)];
        var body = context.Bodies[(int)(n % context.Bodies.Count)];
        var result = await context.Server.CommitAsync(ehrId, body.Utf8, cancellationToken).ConfigureAwait(false);
        if (result.Outcome.IsSuccess && result.VersionUid is not null)
        {
            context.Committed.Add(ehrId, result.VersionUid);
        }
        return result.Outcome;
    }

    /// <summary>
    /// Commits until the run holds <paramref name="count"/> compositions, four at a time, unmeasured: what the
    /// read scenarios need when no commit scenario ran before them.
    /// </summary>
    public static async Task SeedAsync(ScenarioContext context, int count, CancellationToken cancellationToken)
    {
        var missing = count - context.Committed.Count;
        if (missing <= 0)
        {
            return;
        }
        context.Log.WriteLine($"  committing {missing} compositions to read (not measured)");
        var seeder = new CommitScenario(context);
        await seeder.PrepareAsync(cancellationToken).ConfigureAwait(false);
        var failures = 0;
        RequestOutcome lastFailure = default;
        await Parallel.ForAsync(0, missing, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var outcome = await seeder.ExecuteAsync(i, ct).ConfigureAwait(false);
                if (!outcome.IsSuccess)
                {
                    Interlocked.Increment(ref failures);
                    lastFailure = outcome;
                }
            }).ConfigureAwait(false);
        if (context.Committed.Count < count)
        {
            throw new LoadSetupException(
                $"Committing compositions to read failed: {failures} of {missing} commits answered {RequestOutcome.Name(lastFailure.Code)}" +
                (failures == 0 ? " (no version uid in ETag or Location)" : "") + ".");
        }
    }
}
