using System.Runtime.InteropServices;

namespace Fkj.Cdr.Storage.Embedded;

/// <summary>
/// Who we run as. PostgreSQL refuses to run as root, so as root every PostgreSQL program is run
/// as the unprivileged <see cref="PostgresUser"/> through <c>runuser</c>.
/// </summary>
internal static class UnixUser
{
    public const string PostgresUser = "postgres";

    public static bool IsRoot { get; } = OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD()
        ? geteuid() == 0
        : false;

    [DllImport("libc", SetLastError = true)]
    private static extern uint geteuid();
}
