using Fkj.Cdr.Load.Measurement;
using Fkj.Cdr.Load.OpenEhr;

namespace Fkj.Cdr.Load.Scenarios;

/// <summary>
/// <c>read</c>: <c>GET /openehr/v1/ehr/{ehr_id}/composition/{version_uid}</c>, one stored version by its uid;
/// <c>read-latest</c>: the same with the versioned object id, which answers the latest version. Both read
/// canonical JSON, scattered over the compositions committed during the run (at least --read-set of
/// them; preparation commits the missing ones).
/// </summary>
public sealed class ReadScenario(ScenarioContext context, bool latest) : ILoadScenario
{
    private IReadOnlyList<(string EhrId, string Uid)> _targets = [];
    private long _sent;

    public string Name => latest ? "read-latest" : "read";

    public string Target => ScenarioTarget.Server;

    public string Operation => latest
        ? "GET /openehr/v1/ehr/{ehr_id}/composition/{versioned_object_id} (latest version, canonical JSON)"
        : "GET /openehr/v1/ehr/{ehr_id}/composition/{version_uid} (canonical JSON)";

    public StorageScope Storage => StorageScope.None;

    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await CommitScenario.SeedAsync(context, context.Options.ReadSet, cancellationToken).ConfigureAwait(false);
        _targets = context.Committed.Snapshot()
            .Select(c => (c.EhrId, latest ? VersionUid.ObjectId(c.VersionUid) : c.VersionUid))
            .ToArray();
    }

    public ValueTask<RequestOutcome> ExecuteAsync(long sequence, CancellationToken cancellationToken)
    {
        var n = Interlocked.Increment(ref _sent) - 1;
        var (ehrId, uid) = _targets[ScenarioContext.Spread(n, _targets.Count)];
        return new ValueTask<RequestOutcome>(context.Server.GetCompositionAsync(ehrId, uid, cancellationToken));
    }
}
