namespace Fkj.Cdr.Load.Crash;

/// <summary>Every commit attempt of a crash run, in the order they were made, shared by the clients.</summary>
public sealed class CommitLedger
{
    private readonly List<CommitAttempt> _attempts = [];
    private readonly Lock _lock = new();

    public void Add(CommitAttempt attempt)
    {
        lock (_lock)
        {
            _attempts.Add(attempt);
        }
    }

    public IReadOnlyList<CommitAttempt> Snapshot()
    {
        lock (_lock)
        {
            return _attempts.ToArray();
        }
    }
}
