namespace Fkj.Cdr.Storage.Embedded;

/// <summary>What /proc says about a process: gone, a zombie not yet reaped, or running.</summary>
internal enum ProcessStatus
{
    Unknown,
    Gone,
    Zombie,
    Running,
}

/// <summary>
/// Reads a process's state from /proc. pg_ctl's liveness test (kill with signal 0) takes a zombie
/// for a running server; a killed postmaster stays a zombie until init reaps it.
/// </summary>
internal static class ProcessState
{
    public static ProcessStatus Of(int pid)
    {
        if (!Directory.Exists("/proc/self"))
        {
            return ProcessStatus.Unknown;
        }
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return ProcessStatus.Gone;
        }
        catch (UnauthorizedAccessException)
        {
            return ProcessStatus.Unknown;
        }
        var close = stat.LastIndexOf(')');
        var state = close >= 0 && close + 2 < stat.Length ? stat[close + 2] : '?';
        return state is 'Z' or 'X' or 'x' ? ProcessStatus.Zombie : ProcessStatus.Running;
    }

    /// <summary>Waits while the process is a zombie; true once it is gone.</summary>
    public static async Task<bool> WaitWhileZombieAsync(int pid, TimeSpan limit, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + limit;
        while (Of(pid) == ProcessStatus.Zombie)
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }
            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
        return true;
    }
}
