namespace Fkj.Cdr.Load.Scenarios;

/// <summary>Compositions committed during the run (EHR id and version uid), for the read scenarios to read.</summary>
public sealed class CommittedVersions
{
    private readonly List<(string EhrId, string VersionUid)> _items = [];
    private readonly Lock _lock = new();

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _items.Count;
            }
        }
    }

    public void Add(string ehrId, string versionUid)
    {
        lock (_lock)
        {
            _items.Add((ehrId, versionUid));
        }
    }

    public IReadOnlyList<(string EhrId, string VersionUid)> Snapshot()
    {
        lock (_lock)
        {
            return _items.ToArray();
        }
    }
}
