using System.Diagnostics;
using Fkj.Cdr.Load.Measurement;

namespace Fkj.Cdr.Load.Running;

/// <summary>
/// One level as it ran: every request's latency and outcome, how many requests were issued (sent or,
/// in the open loop, dropped) and the wall-clock time from the first request to the last answer.
/// </summary>
public sealed record LevelRun(RequestLog Log, long Issued, long ElapsedTicks)
{
    public double ElapsedSeconds => (double)ElapsedTicks / Stopwatch.Frequency;
}
