namespace Fkj.Cdr.Load.Running;

/// <summary>A level ends after <see cref="Requests"/> requests or after <see cref="Duration"/>, whichever comes first.</summary>
public sealed record RunLimits(int Requests, TimeSpan Duration)
{
    public long DurationTicks => (long)(Duration.TotalSeconds * System.Diagnostics.Stopwatch.Frequency);
}
