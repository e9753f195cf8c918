using Fkj.Cdr.Load.Database;
using Fkj.Cdr.Load.Measurement;

namespace Fkj.Cdr.Load.Scenarios;

/// <summary>The baseline of <c>commit</c>: one Npgsql INSERT of the same composition JSON into <c>baseline_doc</c> under a new uuid.</summary>
public sealed class BaselineInsertScenario(ScenarioContext context, BaselineTable table) : ILoadScenario
{
    private long _sent;

    public string Name => "commit";

    public string Target => ScenarioTarget.Baseline;

    public string Operation => $"Npgsql INSERT INTO {BaselineTable.Name} (id uuid, doc jsonb)";

    public StorageScope Storage => StorageScope.BaselineTable;

    public Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask<RequestOutcome> ExecuteAsync(long sequence, CancellationToken cancellationToken)
    {
        var n = Interlocked.Increment(ref _sent) - 1;
        var id = Guid.NewGuid();
        await table.InsertAsync(id, context.Bodies[(int)(n % context.Bodies.Count)].Text, cancellationToken).ConfigureAwait(false);
        context.BaselineRows.Add(id);
        return RequestOutcome.Success;
    }

    /// <summary>Inserts until the baseline table holds <paramref name="count"/> rows of this run, unmeasured.</summary>
    public static async Task SeedAsync(ScenarioContext context, BaselineTable table, int count, CancellationToken cancellationToken)
    {
        var missing = count - context.BaselineRows.Count;
        if (missing <= 0)
        {
            return;
        }
        var seeder = new BaselineInsertScenario(context, table);
        await Parallel.ForAsync(0, missing, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken },
            async (i, ct) => await seeder.ExecuteAsync(i, ct).ConfigureAwait(false)).ConfigureAwait(false);
    }
}
