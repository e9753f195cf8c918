namespace Fkj.Cdr.Load.Scenarios;

/// <summary>Ids of the rows the baseline inserted during the run, for the baseline select to read.</summary>
public sealed class BaselineRows
{
    private readonly List<Guid> _ids = [];
    private readonly Lock _lock = new();

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _ids.Count;
            }
        }
    }

    public void Add(Guid id)
    {
        lock (_lock)
        {
            _ids.Add(id);
        }
    }

    public IReadOnlyList<Guid> Snapshot()
    {
        lock (_lock)
        {
            return _ids.ToArray();
        }
    }
}
