using Fkj.Cdr.Load.Database;
using Fkj.Cdr.Load.Measurement;

namespace Fkj.Cdr.Load.Scenarios;

/// <summary>
/// The baseline of <c>read</c> and <c>read-latest</c>: one Npgsql SELECT of a document from <c>baseline_doc</c> by
/// its id, read to the end as text; scattered over the rows inserted during the run (at least --read-set).
/// </summary>
public sealed class BaselineSelectScenario(ScenarioContext context, BaselineTable table, string name) : ILoadScenario
{
    private IReadOnlyList<Guid> _ids = [];
    private long _sent;

    public string Name => name;

    public string Target => ScenarioTarget.Baseline;

    public string Operation => $"Npgsql SELECT doc FROM {BaselineTable.Name} WHERE id = $1";

    public StorageScope Storage => StorageScope.None;

    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await BaselineInsertScenario.SeedAsync(context, table, context.Options.ReadSet, cancellationToken).ConfigureAwait(false);
        _ids = context.BaselineRows.Snapshot();
    }

    public async ValueTask<RequestOutcome> ExecuteAsync(long sequence, CancellationToken cancellationToken)
    {
        var n = Interlocked.Increment(ref _sent) - 1;
        var found = await table.SelectAsync(_ids[ScenarioContext.Spread(n, _ids.Count)], cancellationToken).ConfigureAwait(false);
        return found ? RequestOutcome.Success : new RequestOutcome(404);
    }
}
