namespace Fkj.Cdr.Load.Measurement;

/// <summary>
/// The latency and outcome of every request of one level, by request index. Each index is written by
/// exactly one request, so recording takes no lock; the arrays are allocated once, before the level
/// starts, which is why the request count of a level is bounded.
/// </summary>
public sealed class RequestLog
{
    private readonly long[] _latencyTicks;
    private readonly int[] _codes;
    private readonly bool[] _retryAfter;

    public RequestLog(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _latencyTicks = new long[capacity];
        _codes = new int[capacity];
        _retryAfter = new bool[capacity];
    }

    public int Capacity => _codes.Length;

    /// <summary>Records request <paramref name="index"/>; a dropped request has no latency.</summary>
    public void Record(long index, long latencyTicks, RequestOutcome outcome)
    {
        if (outcome.Code == 0)
        {
            throw new ArgumentException("0 is not an outcome.", nameof(outcome));
        }
        _latencyTicks[index] = Math.Max(0, latencyTicks);
        _retryAfter[index] = outcome.RetryAfter;
        Volatile.Write(ref _codes[index], outcome.Code);
    }

    /// <summary>Counts outcomes and summarises the latencies of the recorded requests.</summary>
    public LogSummary Summarise()
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var ok = new List<long>(_codes.Length);
        var all = new List<long>(_codes.Length);
        long recorded = 0, succeeded = 0, retryAfter = 0;
        for (var i = 0; i < _codes.Length; i++)
        {
            var code = Volatile.Read(ref _codes[i]);
            if (code == 0)
            {
                continue;
            }
            recorded++;
            var name = RequestOutcome.Name(code);
            counts[name] = counts.GetValueOrDefault(name) + 1;
            if (_retryAfter[i])
            {
                retryAfter++;
            }
            if (code == RequestOutcome.Dropped || code == RequestOutcome.Cancelled)
            {
                continue;
            }
            all.Add(_latencyTicks[i]);
            if (code is >= 200 and < 300)
            {
                succeeded++;
                ok.Add(_latencyTicks[i]);
            }
        }
        return new LogSummary(
            recorded,
            succeeded,
            counts,
            retryAfter,
            LatencySummary.FromTicks(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ok)),
            LatencySummary.FromTicks(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(all)));
    }
}
