namespace TicketSense.AppHost.Hosting;

/// <summary>
/// A resource's console: every line goes to the terminal prefixed with the resource's name, and to
/// <c>logs/&lt;name&gt;.log</c> in the AppHost's data folder.
/// </summary>
public sealed class ResourceLog : IDisposable
{
    private static readonly Lock ConsoleLock = new();
    private readonly StreamWriter _file;
    private readonly bool _echo;

    public string Name { get; }

    public string FilePath { get; }

    public ResourceLog(string name, string directory, bool echo)
    {
        Name = name;
        _echo = echo;
        Directory.CreateDirectory(directory);
        FilePath = Path.Combine(directory, $"{name}.log");
        _file = new StreamWriter(FilePath, append: false) { AutoFlush = true };
    }

    public void Line(string line)
    {
        lock (_file) _file.WriteLine(line);
        if (!_echo) return;
        lock (ConsoleLock) Console.WriteLine($"{Name,-8} | {line}");
    }

    public void Dispose()
    {
        lock (_file) _file.Dispose();
    }
}
