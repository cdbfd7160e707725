using TicketSense.Testing;

namespace TicketSense.Bench;

/// <summary>Stops the test run's Postgres (otherwise stopped at process exit) and says whether any child process outlived the benchmark.</summary>
public static class Servers
{
    public static async Task StopAndCheckAsync()
    {
        await (await TestServers.PostgresAsync()).DisposeAsync();
        var left = Descendants(Environment.ProcessId).ToList();
        Console.WriteLine(left.Count == 0 ? "servers left running: none" : $"servers left running: {string.Join(", ", left)}");
    }

    /// <summary>Every live process below <paramref name="root"/>, as "pid name", from /proc.</summary>
    private static IEnumerable<string> Descendants(int root)
    {
        var parents = new Dictionary<int, (int Parent, string Name)>();
        foreach (var directory in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid)) continue;
            try
            {
                // /proc/PID/stat: "pid (name) state ppid …"; the name may hold spaces, so split after its closing parenthesis.
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var close = stat.LastIndexOf(')');
                var name = stat[(stat.IndexOf('(') + 1)..close];
                parents[pid] = (int.Parse(stat[(close + 2)..].Split(' ')[1]), name);
            }
            catch (IOException)
            {
                // Gone while we looked.
            }
        }
        var found = new List<string>();
        var frontier = new Queue<int>([root]);
        while (frontier.TryDequeue(out var parent))
        {
            foreach (var (pid, (ppid, name)) in parents.Where(p => p.Value.Parent == parent))
            {
                found.Add($"{pid} {name}");
                frontier.Enqueue(pid);
            }
        }
        return found;
    }
}
