namespace TicketSense.Testing.Servers;

/// <summary>A thread-safe ring of the last lines a process printed.</summary>
internal sealed class RecentLines(int capacity)
{
    private readonly Queue<string> _lines = new(capacity);

    public void Add(string line)
    {
        lock (_lines)
        {
            if (_lines.Count == capacity) _lines.Dequeue();
            _lines.Enqueue(line);
        }
    }

    /// <summary>A copy of the lines, oldest first.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines) return [.. _lines];
        }
    }

    public string Text
    {
        get
        {
            lock (_lines) return string.Join(Environment.NewLine, _lines);
        }
    }
}
