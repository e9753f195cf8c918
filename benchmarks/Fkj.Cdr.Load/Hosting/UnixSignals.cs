using System.Runtime.InteropServices;

namespace Fkj.Cdr.Load.Hosting;

/// <summary>SIGTERM for a child process: Process.Kill sends SIGKILL, which gives the server no chance to stop cleanly.</summary>
internal static class UnixSignals
{
    private const int SigTerm = 15;

    public static bool Terminate(int pid) => !OperatingSystem.IsWindows() && kill(pid, SigTerm) == 0;

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);
}
