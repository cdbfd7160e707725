using TicketSense.AppHost.Processes;

namespace TicketSense.AppHost.Hosting;

/// <summary>
/// A resource's console: every line goes to the terminal prefixed with the resource's name, to
/// <c>logs/&lt;name&gt;.log</c> in the AppHost's data folder, and to a ring of recent lines the dashboard shows.
/// </summary>
public sealed class ResourceLog : IDisposable
{
    private static readonly Lock ConsoleLock = new();
    private readonly StreamWriter _file;
    private readonly bool _echo;
    private readonly RecentLines _recent;

    public string Name { get; }

    public string FilePath { get; }

    /// <summary>The last lines written, oldest first (at most the capacity given at construction).</summary>
    public IReadOnlyList<string> RecentLines => _recent.Lines;

    public ResourceLog(string name, string directory, bool echo, int recentLines = 2_000)
    {
        Name = name;
        _echo = echo;
        _recent = new RecentLines(recentLines);
        Directory.CreateDirectory(directory);
        FilePath = Path.Combine(directory, $"{name}.log");
        _file = new StreamWriter(FilePath, append: false) { AutoFlush = true };
    }

    public void Line(string line)
    {
        _recent.Add(line);
        lock (_file) _file.WriteLine(line);
        if (!_echo) return;
        lock (ConsoleLock) Console.WriteLine($"{Name,-8} | {line}");
    }

    public void Dispose()
    {
        lock (_file) _file.Dispose();
    }
}
