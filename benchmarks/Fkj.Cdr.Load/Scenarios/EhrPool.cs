using Fkj.Cdr.Load.OpenEhr;

namespace Fkj.Cdr.Load.Scenarios;

/// <summary>The EHRs created for the run (POST /ehr, in preparation); commits are spread over them.</summary>
public sealed class EhrPool(OpenEhrClient server)
{
    private readonly List<string> _ids = [];

    public IReadOnlyList<string> Ids => _ids;

    /// <summary>Creates EHRs until there are <paramref name="count"/>.</summary>
    public async Task EnsureAsync(int count, CancellationToken cancellationToken)
    {
        while (_ids.Count < count)
        {
            _ids.Add(await server.CreateEhrAsync(cancellationToken).ConfigureAwait(false));
        }
    }
}
