using System.Runtime.InteropServices;

namespace TicketSense.Testing.Servers;

/// <summary>SIGTERM, which .NET cannot send by itself (<c>Process.Kill</c> is SIGKILL, which a watchdog cannot forward).</summary>
internal static partial class UnixSignals
{
    private const int SigTerm = 15;

    public static void Terminate(int pid) => _ = kill(pid, SigTerm);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int signal);
}
