namespace TicketSense.Tests.Infrastructure;

/// <summary>The machine's processes as /proc shows them: command lines and parents, for checking what a test left running.</summary>
public static class ProcessTable
{
    public static bool IsRunning(int pid) => Directory.Exists($"/proc/{pid}") && !IsZombie(pid);

    /// <summary>The command line of <paramref name="pid"/>, arguments separated by spaces; empty when it is gone.</summary>
    public static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
        }
        catch (IOException)
        {
            return "";
        }
    }

    public static IReadOnlyList<int> Find(Func<string, bool> commandLine) =>
        [.. Pids().Where(pid => commandLine(CommandLine(pid)))];

    /// <summary>The parents of <paramref name="pid"/> up to, not including, <paramref name="stop"/> (or pid 1).</summary>
    public static IEnumerable<int> AncestorsBelow(int pid, int stop)
    {
        for (var parent = Parent(pid); parent > 1 && parent != stop; parent = Parent(parent)) yield return parent;
    }

    private static IEnumerable<int> Pids() =>
        Directory.GetDirectories("/proc").Select(Path.GetFileName).Select(name => int.TryParse(name, out var pid) ? pid : 0).Where(pid => pid > 0);

    private static int Parent(int pid) => Stat(pid) is { } fields ? int.Parse(fields[1]) : 0;

    private static bool IsZombie(int pid) => Stat(pid) is ["Z", ..];

    /// <summary>/proc/PID/stat after the command name (which may hold spaces): state, ppid, …</summary>
    private static string[]? Stat(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
    }
}
